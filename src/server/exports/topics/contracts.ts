// Contracts, their items and their bids (retention on the contract's expiry, as the section purges).
import { Prisma } from "@prisma/client";
import { sqlTopic } from "../topic";
import { characterKey, columns, since } from "./common";

const notExpiredBefore = since(Prisma.sql`k."dateExpired"`);

export const contracts = sqlTopic({
  name: "contracts",
  title: "Contracts",
  description: "Every contract: type, status, parties, places, dates, price, reward, collateral and buyout in ISK.",
  countFrom: Prisma.sql`"CharacterContract" k`,
  from: Prisma.sql`"CharacterContract" k
    JOIN "EveCharacter" ch ON ch.id = k."characterId"
    LEFT JOIN "EveEntity" iss ON iss.id = k."issuerId"
    LEFT JOIN "EveEntity" ic ON ic.id = k."issuerCorporationId"
    LEFT JOIN "EveEntity" asg ON asg.id = k."assigneeId"
    LEFT JOIN "EveEntity" acc ON acc.id = k."acceptorId"
    LEFT JOIN "Location" sl ON sl.id = k."startLocationId"
    LEFT JOIN "Location" el ON el.id = k."endLocationId"`,
  where: notExpiredBefore,
  key: [characterKey(Prisma.sql`k`), { column: Prisma.sql`k."contractId"`, type: "bigint", field: "contractId" }],
  select: Prisma.sql`ch.name AS "character", k."characterId", k."contractId"::text AS "contractId", k.type, k.status,
    k.availability, k.title, iss.name AS issuer, k."issuerId", ic.name AS "issuerCorporation", k."issuerCorporationId",
    asg.name AS assignee, NULLIF(k."assigneeId", 0) AS "assigneeId", acc.name AS acceptor,
    NULLIF(k."acceptorId", 0) AS "acceptorId", k."forCorporation", k."dateIssued", k."dateExpired", k."dateAccepted",
    k."dateCompleted", k."daysToComplete", sl.name AS "startLocation", k."startLocationId"::text AS "startLocationId",
    el.name AS "endLocation", k."endLocationId"::text AS "endLocationId", k.price::text AS price,
    k.reward::text AS reward, k.collateral::text AS collateral, k.buyout::text AS buyout, k.volume`,
  columns: columns([
    ["Contract ID", "contractId"],
    ["Type", "type"],
    ["Status", "status"],
    ["Availability", "availability"],
    ["Title", "title"],
    ["Issuer", "issuer"],
    ["Issuer ID", "issuerId"],
    ["Issuer corporation", "issuerCorporation"],
    ["Issuer corporation ID", "issuerCorporationId"],
    ["Assignee", "assignee"],
    ["Assignee ID", "assigneeId"],
    ["Acceptor", "acceptor"],
    ["Acceptor ID", "acceptorId"],
    ["For corporation", "forCorporation"],
    ["Issued", "dateIssued"],
    ["Expires", "dateExpired"],
    ["Accepted", "dateAccepted"],
    ["Completed", "dateCompleted"],
    ["Days to complete", "daysToComplete"],
    ["Start location", "startLocation"],
    ["Start location ID", "startLocationId"],
    ["End location", "endLocation"],
    ["End location ID", "endLocationId"],
    ["Price (ISK)", "price"],
    ["Reward (ISK)", "reward"],
    ["Collateral (ISK)", "collateral"],
    ["Buyout (ISK)", "buyout"],
    ["Volume (m3)", "volume"],
  ]),
});

export const contractItems = sqlTopic({
  name: "contract_items",
  title: "Contract items",
  description: "The items of every contract: type, quantity, and whether included or asked for.",
  countFrom: Prisma.sql`"CharacterContractItem" i
    JOIN "CharacterContract" k ON k."characterId" = i."characterId" AND k."contractId" = i."contractId"`,
  from: Prisma.sql`"CharacterContractItem" i
    JOIN "CharacterContract" k ON k."characterId" = i."characterId" AND k."contractId" = i."contractId"
    JOIN "EveCharacter" ch ON ch.id = i."characterId"
    LEFT JOIN "EveType" t ON t.id = i."typeId"`,
  where: notExpiredBefore,
  key: [
    characterKey(Prisma.sql`i`),
    { column: Prisma.sql`i."contractId"`, type: "bigint", field: "contractId" },
    { column: Prisma.sql`i."recordId"`, type: "bigint", field: "recordId" },
  ],
  select: Prisma.sql`ch.name AS "character", i."characterId", i."contractId"::text AS "contractId",
    i."recordId"::text AS "recordId", t.name AS "type", i."typeId", i.quantity, i."rawQuantity", i."isIncluded",
    i."isSingleton"`,
  columns: columns([
    ["Contract ID", "contractId"],
    ["Record ID", "recordId"],
    ["Type", "type"],
    ["Type ID", "typeId"],
    ["Quantity", "quantity"],
    ["Raw quantity", "rawQuantity"],
    ["Included", "isIncluded"],
    ["Singleton", "isSingleton"],
  ]),
});

export const contractBids = sqlTopic({
  name: "contract_bids",
  title: "Contract bids",
  description: "The bids on every auction contract: bidder, amount in ISK and date.",
  countFrom: Prisma.sql`"CharacterContractBid" b
    JOIN "CharacterContract" k ON k."characterId" = b."characterId" AND k."contractId" = b."contractId"`,
  from: Prisma.sql`"CharacterContractBid" b
    JOIN "CharacterContract" k ON k."characterId" = b."characterId" AND k."contractId" = b."contractId"
    JOIN "EveCharacter" ch ON ch.id = b."characterId"
    LEFT JOIN "EveEntity" e ON e.id = b."bidderId"`,
  where: notExpiredBefore,
  key: [characterKey(Prisma.sql`b`), { column: Prisma.sql`b."bidId"`, type: "int", field: "bidId" }],
  select: Prisma.sql`ch.name AS "character", b."characterId", b."bidId", b."contractId"::text AS "contractId",
    e.name AS bidder, b."bidderId", b.amount::text AS amount, b."dateBid"`,
  columns: columns([
    ["Bid ID", "bidId"],
    ["Contract ID", "contractId"],
    ["Bidder", "bidder"],
    ["Bidder ID", "bidderId"],
    ["Amount (ISK)", "amount"],
    ["Date", "dateBid"],
  ]),
});
