// Killmails, loyalty points, standings, corporation history and EVE notifications.
import { Prisma } from "@prisma/client";
import { sqlTopic } from "../topic";
import { characterKey, columns, since } from "./common";

export const killmails = sqlTopic({
  name: "killmails",
  title: "Killmails",
  description: "Every killmail a character took part in: time, solar system, victim and ship, final blow, attackers.",
  countFrom: Prisma.sql`"CharacterKillmail" k`,
  from: Prisma.sql`"CharacterKillmail" k
    JOIN "EveCharacter" ch ON ch.id = k."characterId"
    LEFT JOIN "Location" sl ON sl.id = k."solarSystemId"
    LEFT JOIN "EveEntity" se ON se.id = k."solarSystemId"
    LEFT JOIN "EveEntity" v ON v.id = k."victimCharacterId"
    LEFT JOIN "EveType" st ON st.id = k."victimShipTypeId"
    LEFT JOIN "EveEntity" fb ON fb.id = k."finalBlowCharacterId"`,
  key: [characterKey(Prisma.sql`k`), { column: Prisma.sql`k."killmailId"`, type: "bigint", field: "killmailId" }],
  select: Prisma.sql`ch.name AS "character", k."characterId", k."killmailId"::text AS "killmailId", k."killmailHash",
    k."killmailTime", COALESCE(sl.name, se.name) AS "solarSystem", k."solarSystemId", v.name AS victim,
    k."victimCharacterId", st.name AS "victimShip", k."victimShipTypeId", fb.name AS "finalBlow",
    k."finalBlowCharacterId", k."attackerCount"`,
  columns: columns([
    ["Killmail ID", "killmailId"],
    ["Hash", "killmailHash"],
    ["Time", "killmailTime"],
    ["Solar system", "solarSystem"],
    ["Solar system ID", "solarSystemId"],
    ["Victim", "victim"],
    ["Victim ID", "victimCharacterId"],
    ["Victim ship", "victimShip"],
    ["Victim ship type ID", "victimShipTypeId"],
    ["Final blow", "finalBlow"],
    ["Final blow ID", "finalBlowCharacterId"],
    ["Attackers", "attackerCount"],
  ]),
});

export const loyalty = sqlTopic({
  name: "loyalty",
  title: "Loyalty points",
  description: "Loyalty points per character and corporation.",
  countFrom: Prisma.sql`"CharacterLoyaltyEntry" l`,
  from: Prisma.sql`"CharacterLoyaltyEntry" l
    JOIN "EveCharacter" ch ON ch.id = l."characterId"
    LEFT JOIN "EveEntity" c ON c.id = l."corporationId"`,
  key: [characterKey(Prisma.sql`l`), { column: Prisma.sql`l."corporationId"`, type: "int", field: "corporationId" }],
  select: Prisma.sql`ch.name AS "character", l."characterId", c.name AS corporation, l."corporationId", l."loyaltyPoints"`,
  columns: columns([
    ["Corporation", "corporation"],
    ["Corporation ID", "corporationId"],
    ["Loyalty points", "loyaltyPoints"],
  ]),
});

export const standings = sqlTopic({
  name: "standings",
  title: "Standings",
  description: "Standings towards each character from NPC agents, corporations and factions.",
  countFrom: Prisma.sql`"CharacterStanding" s`,
  from: Prisma.sql`"CharacterStanding" s
    JOIN "EveCharacter" ch ON ch.id = s."characterId"
    LEFT JOIN "EveEntity" f ON f.id = s."fromId"`,
  key: [characterKey(Prisma.sql`s`), { column: Prisma.sql`s."fromId"`, type: "int", field: "fromId" }],
  select: Prisma.sql`ch.name AS "character", s."characterId", f.name AS "from", s."fromId", s."fromType", s.standing`,
  columns: columns([
    ["From", "from"],
    ["From ID", "fromId"],
    ["From type", "fromType"],
    ["Standing", "standing"],
  ]),
});

export const corporationHistory = sqlTopic({
  name: "corporation_history",
  title: "Corporation history",
  description: "Every corporation each character has been a member of, with the start date.",
  countFrom: Prisma.sql`"CharacterCorporationHistory" h`,
  from: Prisma.sql`"CharacterCorporationHistory" h
    JOIN "EveCharacter" ch ON ch.id = h."characterId"
    LEFT JOIN "EveEntity" c ON c.id = h."corporationId"`,
  key: [characterKey(Prisma.sql`h`), { column: Prisma.sql`h."recordId"`, type: "int", field: "recordId" }],
  select: Prisma.sql`ch.name AS "character", h."characterId", h."recordId", c.name AS corporation, h."corporationId",
    h."startDate", h."isDeleted"`,
  columns: columns([
    ["Record ID", "recordId"],
    ["Corporation", "corporation"],
    ["Corporation ID", "corporationId"],
    ["Start", "startDate"],
    ["Corporation deleted", "isDeleted"],
  ]),
});

export const notifications = sqlTopic({
  name: "notifications",
  title: "EVE notifications",
  description: "The characters' EVE notifications: time, type, sender, read flag and text (as ESI gives it).",
  countFrom: Prisma.sql`"CharacterNotification" n`,
  from: Prisma.sql`"CharacterNotification" n
    JOIN "EveCharacter" ch ON ch.id = n."characterId"
    LEFT JOIN "EveEntity" s ON s.id = n."senderId"`,
  where: since(Prisma.sql`n.timestamp`),
  key: [
    characterKey(Prisma.sql`n`),
    { column: Prisma.sql`n."notificationId"`, type: "bigint", field: "notificationId" },
  ],
  select: Prisma.sql`ch.name AS "character", n."characterId", n."notificationId"::text AS "notificationId",
    n.timestamp, n.type, s.name AS sender, n."senderId", n."senderType", n."isRead", n.text`,
  columns: columns([
    ["Notification ID", "notificationId"],
    ["Time", "timestamp"],
    ["Type", "type"],
    ["Sender", "sender"],
    ["Sender ID", "senderId"],
    ["Sender type", "senderType"],
    ["Read", "isRead"],
    ["Text", "text"],
  ]),
});
