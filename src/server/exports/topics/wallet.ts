// The wallet's lists: journal and market transactions (retention applies to both).
import { Prisma } from "@prisma/client";
import { sqlTopic } from "../topic";
import { characterKey, columns, since } from "./common";

export const walletJournal = sqlTopic({
  name: "wallet_journal",
  title: "Wallet journal",
  description: "Every wallet journal entry: date, type, amount and balance in ISK, both parties and the tax.",
  countFrom: Prisma.sql`"CharacterWalletJournalEntry" j`,
  from: Prisma.sql`"CharacterWalletJournalEntry" j
    JOIN "EveCharacter" ch ON ch.id = j."characterId"
    LEFT JOIN "EveEntity" fp ON fp.id = j."firstPartyId"
    LEFT JOIN "EveEntity" sp ON sp.id = j."secondPartyId"
    LEFT JOIN "EveEntity" tr ON tr.id = j."taxReceiverId"`,
  where: since(Prisma.sql`j.date`),
  key: [characterKey(Prisma.sql`j`), { column: Prisma.sql`j."entryId"`, type: "bigint", field: "entryId" }],
  select: Prisma.sql`ch.name AS "character", j."characterId", j."entryId"::text AS "entryId", j.date,
    j."refType", j.amount::text AS amount, j.balance::text AS balance, j.description, j.reason,
    fp.name AS "firstParty", j."firstPartyId", sp.name AS "secondParty", j."secondPartyId",
    j.tax::text AS tax, tr.name AS "taxReceiver", j."taxReceiverId",
    j."contextId"::text AS "contextId", j."contextIdType"`,
  columns: columns([
    ["Entry ID", "entryId"],
    ["Date", "date"],
    ["Type", "refType"],
    ["Amount (ISK)", "amount"],
    ["Balance (ISK)", "balance"],
    ["Description", "description"],
    ["Reason", "reason"],
    ["First party", "firstParty"],
    ["First party ID", "firstPartyId"],
    ["Second party", "secondParty"],
    ["Second party ID", "secondPartyId"],
    ["Tax (ISK)", "tax"],
    ["Tax receiver", "taxReceiver"],
    ["Tax receiver ID", "taxReceiverId"],
    ["Context ID", "contextId"],
    ["Context ID type", "contextIdType"],
  ]),
});

export const walletTransactions = sqlTopic({
  name: "wallet_transactions",
  title: "Wallet transactions",
  description: "Every market transaction: date, item type, quantity, unit price in ISK, buy or sell, client and place.",
  countFrom: Prisma.sql`"CharacterWalletTransaction" w`,
  from: Prisma.sql`"CharacterWalletTransaction" w
    JOIN "EveCharacter" ch ON ch.id = w."characterId"
    LEFT JOIN "EveType" t ON t.id = w."typeId"
    LEFT JOIN "EveEntity" cl ON cl.id = w."clientId"
    LEFT JOIN "Location" loc ON loc.id = w."locationId"`,
  where: since(Prisma.sql`w.date`),
  key: [characterKey(Prisma.sql`w`), { column: Prisma.sql`w."transactionId"`, type: "bigint", field: "transactionId" }],
  select: Prisma.sql`ch.name AS "character", w."characterId", w."transactionId"::text AS "transactionId", w.date,
    t.name AS "type", w."typeId", w.quantity, w."unitPrice"::text AS "unitPrice",
    (w."unitPrice" * w.quantity)::text AS total, w."isBuy", w."isPersonal",
    cl.name AS client, w."clientId", loc.name AS location, w."locationId"::text AS "locationId",
    w."journalRefId"::text AS "journalRefId"`,
  columns: columns([
    ["Transaction ID", "transactionId"],
    ["Date", "date"],
    ["Type", "type"],
    ["Type ID", "typeId"],
    ["Quantity", "quantity"],
    ["Unit price (ISK)", "unitPrice"],
    ["Total (ISK)", "total"],
    ["Buy", "isBuy"],
    ["Personal", "isPersonal"],
    ["Client", "client"],
    ["Client ID", "clientId"],
    ["Location", "location"],
    ["Location ID", "locationId"],
    ["Journal entry ID", "journalRefId"],
  ]),
});
