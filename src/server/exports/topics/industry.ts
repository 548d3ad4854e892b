// Industry and trade: mining ledger, industry jobs, market orders, blueprints, planets.
import { Prisma } from "@prisma/client";
import { sqlTopic } from "../topic";
import { characterKey, columns } from "./common";

// Solar systems (and regions) are named in the Location table or among the entities.
const placeName = (loc: Prisma.Sql, ent: Prisma.Sql) => Prisma.sql`COALESCE(${loc}.name, ${ent}.name)`;

export const miningLedger = sqlTopic({
  name: "mining_ledger",
  title: "Mining ledger",
  description: "What each character mined per day, solar system and ore type.",
  countFrom: Prisma.sql`"CharacterMiningLedgerEntry" m`,
  from: Prisma.sql`"CharacterMiningLedgerEntry" m
    JOIN "EveCharacter" ch ON ch.id = m."characterId"
    LEFT JOIN "EveType" t ON t.id = m."typeId"
    LEFT JOIN "Location" sl ON sl.id = m."solarSystemId"
    LEFT JOIN "EveEntity" se ON se.id = m."solarSystemId"`,
  key: [
    characterKey(Prisma.sql`m`),
    { column: Prisma.sql`m.date`, type: "date", field: "date" },
    { column: Prisma.sql`m."solarSystemId"`, type: "int", field: "solarSystemId" },
    { column: Prisma.sql`m."typeId"`, type: "int", field: "typeId" },
  ],
  select: Prisma.sql`ch.name AS "character", m."characterId", m.date::text AS date,
    ${placeName(Prisma.sql`sl`, Prisma.sql`se`)} AS "solarSystem", m."solarSystemId", t.name AS "type", m."typeId",
    m.quantity::text AS quantity`,
  columns: columns([
    ["Date", "date"],
    ["Solar system", "solarSystem"],
    ["Solar system ID", "solarSystemId"],
    ["Type", "type"],
    ["Type ID", "typeId"],
    ["Quantity", "quantity"],
  ]),
});

export const industryJobs = sqlTopic({
  name: "industry_jobs",
  title: "Industry jobs",
  description: "Every industry job: activity, blueprint, product, facility, runs, cost in ISK and dates.",
  countFrom: Prisma.sql`"CharacterIndustryJob" j`,
  from: Prisma.sql`"CharacterIndustryJob" j
    JOIN "EveCharacter" ch ON ch.id = j."characterId"
    LEFT JOIN "EveType" bt ON bt.id = j."blueprintTypeId"
    LEFT JOIN "EveType" pt ON pt.id = j."productTypeId"
    LEFT JOIN "Location" f ON f.id = j."facilityId"
    LEFT JOIN "EveEntity" inst ON inst.id = j."installerId"`,
  key: [characterKey(Prisma.sql`j`), { column: Prisma.sql`j."jobId"`, type: "bigint", field: "jobId" }],
  select: Prisma.sql`ch.name AS "character", j."characterId", j."jobId"::text AS "jobId",
    CASE j."activityId" WHEN 1 THEN 'Manufacturing' WHEN 3 THEN 'Time efficiency research'
      WHEN 4 THEN 'Material efficiency research' WHEN 5 THEN 'Copying' WHEN 7 THEN 'Reverse engineering'
      WHEN 8 THEN 'Invention' WHEN 9 THEN 'Reactions' WHEN 11 THEN 'Reactions' END AS activity,
    j."activityId", j.status, bt.name AS blueprint, j."blueprintTypeId", j."blueprintId"::text AS "blueprintId",
    pt.name AS product, j."productTypeId", f.name AS facility, j."facilityId"::text AS "facilityId",
    inst.name AS installer, j."installerId", j.runs, j."licensedRuns", j."successfulRuns", j.probability,
    j.cost::text AS cost, j.duration, j."startDate", j."endDate", j."pauseDate", j."completedDate"`,
  columns: columns([
    ["Job ID", "jobId"],
    ["Activity", "activity"],
    ["Activity ID", "activityId"],
    ["Status", "status"],
    ["Blueprint", "blueprint"],
    ["Blueprint type ID", "blueprintTypeId"],
    ["Blueprint item ID", "blueprintId"],
    ["Product", "product"],
    ["Product type ID", "productTypeId"],
    ["Facility", "facility"],
    ["Facility ID", "facilityId"],
    ["Installer", "installer"],
    ["Installer ID", "installerId"],
    ["Runs", "runs"],
    ["Licensed runs", "licensedRuns"],
    ["Successful runs", "successfulRuns"],
    ["Probability", "probability"],
    ["Cost (ISK)", "cost"],
    ["Duration (s)", "duration"],
    ["Start", "startDate"],
    ["End", "endDate"],
    ["Paused", "pauseDate"],
    ["Completed", "completedDate"],
  ]),
});

export const marketOrders = sqlTopic({
  name: "market_orders",
  title: "Market orders",
  description: "Every market order, open and closed: type, buy or sell, price in ISK, volumes, region and place.",
  countFrom: Prisma.sql`"CharacterMarketOrder" o`,
  from: Prisma.sql`"CharacterMarketOrder" o
    JOIN "EveCharacter" ch ON ch.id = o."characterId"
    LEFT JOIN "EveType" t ON t.id = o."typeId"
    LEFT JOIN "Location" l ON l.id = o."locationId"
    LEFT JOIN "Location" rl ON rl.id = o."regionId"
    LEFT JOIN "EveEntity" re ON re.id = o."regionId"`,
  key: [characterKey(Prisma.sql`o`), { column: Prisma.sql`o."orderId"`, type: "bigint", field: "orderId" }],
  select: Prisma.sql`ch.name AS "character", o."characterId", o."orderId"::text AS "orderId", o.state,
    o."isBuyOrder", o."isCorporation", t.name AS "type", o."typeId", o.price::text AS price, o."volumeTotal",
    o."volumeRemain", o."minVolume", o.escrow::text AS escrow, o.range, o.duration, o.issued,
    ${placeName(Prisma.sql`rl`, Prisma.sql`re`)} AS region, o."regionId", l.name AS location,
    o."locationId"::text AS "locationId"`,
  columns: columns([
    ["Order ID", "orderId"],
    ["State", "state"],
    ["Buy order", "isBuyOrder"],
    ["Corporation order", "isCorporation"],
    ["Type", "type"],
    ["Type ID", "typeId"],
    ["Price (ISK)", "price"],
    ["Volume total", "volumeTotal"],
    ["Volume remaining", "volumeRemain"],
    ["Minimum volume", "minVolume"],
    ["Escrow (ISK)", "escrow"],
    ["Range", "range"],
    ["Duration (days)", "duration"],
    ["Issued", "issued"],
    ["Region", "region"],
    ["Region ID", "regionId"],
    ["Location", "location"],
    ["Location ID", "locationId"],
  ]),
});

export const blueprints = sqlTopic({
  name: "blueprints",
  title: "Blueprints",
  description: "Every blueprint: type, original or copy (runs), material and time efficiency, and where it is.",
  countFrom: Prisma.sql`"CharacterBlueprint" b`,
  from: Prisma.sql`"CharacterBlueprint" b
    JOIN "EveCharacter" ch ON ch.id = b."characterId"
    LEFT JOIN "EveType" t ON t.id = b."typeId"
    LEFT JOIN "Location" l ON l.id = b."locationId"`,
  key: [characterKey(Prisma.sql`b`), { column: Prisma.sql`b."itemId"`, type: "bigint", field: "itemId" }],
  select: Prisma.sql`ch.name AS "character", b."characterId", b."itemId"::text AS "itemId", t.name AS "type",
    b."typeId", CASE WHEN b.quantity = -2 THEN 'copy' ELSE 'original' END AS kind,
    NULLIF(b.runs, -1) AS runs, b."materialEfficiency",
    b."timeEfficiency", b.quantity, l.name AS location, b."locationId"::text AS "locationId", b."locationFlag"`,
  columns: columns([
    ["Item ID", "itemId"],
    ["Type", "type"],
    ["Type ID", "typeId"],
    ["Original or copy", "kind"],
    ["Runs", "runs"],
    ["Material efficiency", "materialEfficiency"],
    ["Time efficiency", "timeEfficiency"],
    ["Quantity", "quantity"],
    ["Location", "location"],
    ["Location ID", "locationId"],
    ["Location flag", "locationFlag"],
  ]),
});

export const planets = sqlTopic({
  name: "planets",
  title: "Planets",
  description: "Every planetary colony: planet, solar system, planet type, upgrade level, pins and last update.",
  countFrom: Prisma.sql`"CharacterPlanet" p`,
  from: Prisma.sql`"CharacterPlanet" p
    JOIN "EveCharacter" ch ON ch.id = p."characterId"
    LEFT JOIN "Location" pl ON pl.id = p."planetId"
    LEFT JOIN "EveEntity" pe ON pe.id = p."planetId"
    LEFT JOIN "Location" sl ON sl.id = p."solarSystemId"
    LEFT JOIN "EveEntity" se ON se.id = p."solarSystemId"`,
  key: [characterKey(Prisma.sql`p`), { column: Prisma.sql`p."planetId"`, type: "int", field: "planetId" }],
  select: Prisma.sql`ch.name AS "character", p."characterId", ${placeName(Prisma.sql`pl`, Prisma.sql`pe`)} AS planet,
    p."planetId", ${placeName(Prisma.sql`sl`, Prisma.sql`se`)} AS "solarSystem", p."solarSystemId", p."planetType",
    p."upgradeLevel", p."numPins", p."lastUpdate"`,
  columns: columns([
    ["Planet", "planet"],
    ["Planet ID", "planetId"],
    ["Solar system", "solarSystem"],
    ["Solar system ID", "solarSystemId"],
    ["Planet type", "planetType"],
    ["Upgrade level", "upgradeLevel"],
    ["Pins", "numPins"],
    ["Last update", "lastUpdate"],
  ]),
});
