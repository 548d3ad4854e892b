// Contacts, mail headers and mail bodies (mails with retention, on their timestamp).
import { Prisma } from "@prisma/client";
import { sqlTopic } from "../topic";
import { characterKey, columns, since } from "./common";

export const contacts = sqlTopic({
  name: "contacts",
  title: "Contacts",
  description: "Every contact with its standing, watched and blocked flags and label names.",
  countFrom: Prisma.sql`"CharacterContact" c`,
  from: Prisma.sql`"CharacterContact" c
    JOIN "EveCharacter" ch ON ch.id = c."characterId"
    LEFT JOIN "EveEntity" e ON e.id = c."contactId"`,
  key: [characterKey(Prisma.sql`c`), { column: Prisma.sql`c."contactId"`, type: "int", field: "contactId" }],
  select: Prisma.sql`ch.name AS "character", c."characterId", e.name AS contact, c."contactId", c."contactType",
    c.standing, c."isWatched", c."isBlocked",
    (SELECT string_agg(l.name, '; ' ORDER BY l.name) FROM "CharacterContactLabel" l
      WHERE l."characterId" = c."characterId" AND l."labelId" = ANY (c."labelIds")) AS labels`,
  columns: columns([
    ["Contact", "contact"],
    ["Contact ID", "contactId"],
    ["Contact type", "contactType"],
    ["Standing", "standing"],
    ["Watched", "isWatched"],
    ["Blocked", "isBlocked"],
    ["Labels", "labels"],
  ]),
});

export const mails = sqlTopic({
  name: "mails",
  title: "Mails",
  description:
    "Every mail header: date, sender, recipients, subject, labels and read flag (bodies are their own topic).",
  countFrom: Prisma.sql`"CharacterMail" m`,
  from: Prisma.sql`"CharacterMail" m
    JOIN "EveCharacter" ch ON ch.id = m."characterId"
    LEFT JOIN "EveEntity" s ON s.id = m."senderId"`,
  where: since(Prisma.sql`m.timestamp`),
  key: [characterKey(Prisma.sql`m`), { column: Prisma.sql`m."mailId"`, type: "bigint", field: "mailId" }],
  select: Prisma.sql`ch.name AS "character", m."characterId", m."mailId"::text AS "mailId", m.timestamp,
    s.name AS sender, m."senderId", m.subject, m."isRead",
    (SELECT string_agg(COALESCE(e.name, ml.name, '#' || (r->>'id')), '; ' ORDER BY ord)
      FROM jsonb_array_elements(m.recipients) WITH ORDINALITY AS x(r, ord)
      LEFT JOIN "EveEntity" e ON e.id::text = r->>'id'
      LEFT JOIN "CharacterMailingList" ml ON ml."characterId" = m."characterId" AND ml."mailingListId"::text = r->>'id'
    ) AS recipients,
    (SELECT string_agg(r->>'id', '; ' ORDER BY ord) FROM jsonb_array_elements(m.recipients) WITH ORDINALITY AS x(r, ord)) AS "recipientIds",
    (SELECT string_agg(l.name, '; ' ORDER BY l.name) FROM "CharacterMailLabel" l
      WHERE l."characterId" = m."characterId" AND l."labelId" = ANY (m."labelIds")) AS labels`,
  columns: columns([
    ["Mail ID", "mailId"],
    ["Date", "timestamp"],
    ["Sender", "sender"],
    ["Sender ID", "senderId"],
    ["Recipients", "recipients"],
    ["Recipient IDs", "recipientIds"],
    ["Subject", "subject"],
    ["Labels", "labels"],
    ["Read", "isRead"],
  ]),
});

export const mailBodies = sqlTopic({
  name: "mail_bodies",
  title: "Mail bodies",
  description: "The body of every mail fetched so far (EVE's mail markup, as sent), by mail ID.",
  countFrom: Prisma.sql`"CharacterMail" m`,
  from: Prisma.sql`"CharacterMail" m JOIN "EveCharacter" ch ON ch.id = m."characterId"`,
  where: (ctx) => Prisma.sql`m.body IS NOT NULL AND ${since(Prisma.sql`m.timestamp`)(ctx)}`,
  key: [characterKey(Prisma.sql`m`), { column: Prisma.sql`m."mailId"`, type: "bigint", field: "mailId" }],
  select: Prisma.sql`ch.name AS "character", m."characterId", m."mailId"::text AS "mailId", m.timestamp, m.subject, m.body`,
  columns: columns([
    ["Mail ID", "mailId"],
    ["Date", "timestamp"],
    ["Subject", "subject"],
    ["Body", "body"],
  ]),
});
