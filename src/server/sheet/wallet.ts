// Wallet tab: balance, the journal and the market transactions (newest first, keyset
// paged with filters), and the balance over time for the chart.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { entityNames, placeName, placeNames, typeNames } from "./name-lookups";
import { bigintId, decodeCursor, encodeCursor, isoDate, pageInput } from "~/server/paging/cursor";
import { boundedDate, safeText } from "~/server/paging/inputs";

/** Past this many names matching a search, only the names of this character's own counterparties (or items) are looked at. */
const NAME_MATCHES = 1000;
const dateIdKey = z.tuple([isoDate, bigintId]);
const num = (d: Prisma.Decimal | null): number | null => (d === null ? null : Number(d));

export async function walletBalance(db: Db, characterId: number): Promise<{ total: number; updatedAt: Date } | null> {
  const row = await db.characterWalletBalance.findUnique({ where: { characterId } });
  return row ? { total: Number(row.total), updatedAt: row.updatedAt } : null;
}

/** ESI's raw ref types ("player_donation") as a reader wants them ("Player donation"). */
export function refTypeLabel(refType: string): string {
  const words = refType.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Ref types present in the character's journal, for the filter menu. */
export async function journalRefTypes(db: Db, characterId: number): Promise<{ value: string; label: string }[]> {
  // groupBy is GROUP BY in SQL; findMany's `distinct` would fetch every entry and dedupe in memory.
  const rows = await db.characterWalletJournalEntry.groupBy({
    by: ["refType"],
    where: { characterId },
    orderBy: { refType: "asc" },
  });
  return rows.map((r) => ({ value: r.refType, label: refTypeLabel(r.refType) }));
}

// Prisma's `contains` passes % and _ through to LIKE: escape them so they match themselves.
const escapeLike = (search: string) => search.replace(/[\\%_]/g, (c) => `\\${c}`);
const likePattern = (search: string) => `%${escapeLike(search)}%`;

/**
 * Ids of the journal's parties whose name contains `search`. A narrow search is one
 * look-up in the name table; a broad one ("a") is answered from the character's own
 * parties, so no match is ever cut off.
 */
async function partiesNamed(db: Db, characterId: number, search: string): Promise<number[]> {
  const named = await db.eveEntity.findMany({
    where: { name: { contains: escapeLike(search), mode: "insensitive" } },
    select: { id: true },
    take: NAME_MATCHES + 1,
  });
  if (named.length <= NAME_MATCHES) return named.map((r) => r.id);
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT e."id" FROM "EveEntity" e
    WHERE e."name" ILIKE ${likePattern(search)}
      AND e."id" IN (
        SELECT "firstPartyId" FROM "CharacterWalletJournalEntry" WHERE "characterId" = ${characterId}
        UNION SELECT "secondPartyId" FROM "CharacterWalletJournalEntry" WHERE "characterId" = ${characterId})`;
  return rows.map((r) => r.id);
}

/** Ids of the item types the character traded whose name contains `search` (as partiesNamed). */
async function tradedTypesNamed(db: Db, characterId: number, search: string): Promise<number[]> {
  const named = await db.eveType.findMany({
    where: { name: { contains: escapeLike(search), mode: "insensitive" } },
    select: { id: true },
    take: NAME_MATCHES + 1,
  });
  if (named.length <= NAME_MATCHES) return named.map((r) => r.id);
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT t."id" FROM "EveType" t
    WHERE t."name" ILIKE ${likePattern(search)}
      AND t."id" IN (SELECT "typeId" FROM "CharacterWalletTransaction" WHERE "characterId" = ${characterId})`;
  return rows.map((r) => r.id);
}

/** ISK as the journal stores it (Decimal(17, 2)): a bound beyond it would only fail in PostgreSQL. */
const iskAmount = z.number().min(-1e15).max(1e15);

export const journalInput = z.object({
  ...pageInput,
  refType: safeText(100).min(1).optional(),
  from: boundedDate.optional(),
  to: boundedDate.optional(),
  minAmount: iskAmount.optional(),
  maxAmount: iskAmount.optional(),
  /** Part of the first or second party's name. */
  party: safeText(100).optional(),
});
export type JournalInput = z.input<typeof journalInput>;

export interface JournalRow {
  entryId: string;
  date: Date;
  refType: string;
  refTypeLabel: string;
  amount: number | null;
  balance: number | null;
  tax: number | null;
  description: string;
  reason: string | null;
  firstParty: { id: number; name: string } | null;
  secondParty: { id: number; name: string } | null;
}

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

export async function walletJournal(db: Db, characterId: number, raw: JournalInput = {}): Promise<Page<JournalRow>> {
  const input = journalInput.parse(raw);
  const and: Prisma.CharacterWalletJournalEntryWhereInput[] = [{ characterId }];
  if (input.refType) and.push({ refType: input.refType });
  if (input.from) and.push({ date: { gte: input.from } });
  if (input.to) and.push({ date: { lte: input.to } });
  if (input.minAmount !== undefined) and.push({ amount: { gte: input.minAmount } });
  if (input.maxAmount !== undefined) and.push({ amount: { lte: input.maxAmount } });
  if (input.party) {
    const ids = await partiesNamed(db, characterId, input.party);
    if (ids.length === 0) return { rows: [], nextCursor: null };
    and.push({ OR: [{ firstPartyId: { in: ids } }, { secondPartyId: { in: ids } }] });
  }
  if (input.cursor) {
    const [date, entryId] = decodeCursor(input.cursor, dateIdKey);
    const at = new Date(date);
    and.push({ OR: [{ date: { lt: at } }, { date: at, entryId: { lt: BigInt(entryId) } }] });
  }
  const rows = await db.characterWalletJournalEntry.findMany({
    where: { AND: and },
    orderBy: [{ date: "desc" }, { entryId: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const names = await entityNames(
    db,
    page.flatMap((r) => [r.firstPartyId, r.secondPartyId]),
  );
  const party = (id: number | null) => (id === null ? null : { id, name: names.get(id)! });
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      entryId: r.entryId.toString(),
      date: r.date,
      refType: r.refType,
      refTypeLabel: refTypeLabel(r.refType),
      amount: num(r.amount),
      balance: num(r.balance),
      tax: num(r.tax),
      description: r.description,
      reason: r.reason || null,
      firstParty: party(r.firstPartyId),
      secondParty: party(r.secondPartyId),
    })),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.date.toISOString(), last.entryId.toString()]) : null,
  };
}

export const transactionsInput = z.object({
  ...pageInput,
  side: z.enum(["buy", "sell"]).optional(),
  /** Part of the item type's name. */
  type: safeText(100).optional(),
});
export type TransactionsInput = z.input<typeof transactionsInput>;

export interface TransactionRow {
  transactionId: string;
  date: Date;
  type: { id: number; name: string };
  quantity: number;
  unitPrice: number;
  total: number;
  isBuy: boolean;
  isPersonal: boolean;
  client: { id: number; name: string };
  location: { id: string; name: string };
}

export async function walletTransactions(
  db: Db,
  characterId: number,
  raw: TransactionsInput = {},
): Promise<Page<TransactionRow>> {
  const input = transactionsInput.parse(raw);
  const and: Prisma.CharacterWalletTransactionWhereInput[] = [{ characterId }];
  if (input.side) and.push({ isBuy: input.side === "buy" });
  if (input.type) {
    const types = await tradedTypesNamed(db, characterId, input.type);
    if (types.length === 0) return { rows: [], nextCursor: null };
    and.push({ typeId: { in: types } });
  }
  if (input.cursor) {
    const [date, transactionId] = decodeCursor(input.cursor, dateIdKey);
    const at = new Date(date);
    and.push({ OR: [{ date: { lt: at } }, { date: at, transactionId: { lt: BigInt(transactionId) } }] });
  }
  const rows = await db.characterWalletTransaction.findMany({
    where: { AND: and },
    orderBy: [{ date: "desc" }, { transactionId: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const [types, clients, places] = await Promise.all([
    typeNames(
      db,
      page.map((r) => r.typeId),
    ),
    entityNames(
      db,
      page.map((r) => r.clientId),
    ),
    placeNames(
      db,
      page.map((r) => r.locationId),
    ),
  ]);
  const last = page.at(-1);
  return {
    rows: page.map((r) => {
      const unitPrice = Number(r.unitPrice);
      return {
        transactionId: r.transactionId.toString(),
        date: r.date,
        type: { id: r.typeId, name: types.get(r.typeId)!.name },
        quantity: r.quantity,
        unitPrice,
        total: Math.round(unitPrice * r.quantity * 100) / 100,
        isBuy: r.isBuy,
        isPersonal: r.isPersonal,
        client: { id: r.clientId, name: clients.get(r.clientId)! },
        location: { id: r.locationId.toString(), name: placeName(places, r.locationId)! },
      };
    }),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.date.toISOString(), last.transactionId.toString()]) : null,
  };
}

export const BALANCE_CHART_MAX_POINTS = 200;
export const balanceChartInput = z.object({ days: z.number().int().min(1).max(3650).default(90) });
export type BalanceChartInput = z.input<typeof balanceChartInput>;

/**
 * The journal's running balance over the last `days`, at most 200 points: the range is
 * cut into 200 equal buckets and each keeps its last balance, so a year of a busy
 * trader's journal costs one indexed query and a small answer.
 */
export async function walletBalanceChart(
  db: Db,
  characterId: number,
  raw: BalanceChartInput = {},
  now: Date = new Date(),
): Promise<{ from: Date; to: Date; points: { date: Date; balance: number }[] }> {
  const { days } = balanceChartInput.parse(raw);
  const to = now;
  const from = new Date(to.getTime() - days * 86_400_000);
  const bucketSeconds = (to.getTime() - from.getTime()) / 1000 / BALANCE_CHART_MAX_POINTS;
  // Timestamps go in as text cast to timestamp: the column has no time zone and holds UTC.
  const fromText = from.toISOString().slice(0, 23);
  const toText = to.toISOString().slice(0, 23);
  const fromEpoch = from.getTime() / 1000;
  const rows = await db.$queryRaw<{ date: Date; balance: Prisma.Decimal }[]>`
    SELECT DISTINCT ON (bucket) "date", "balance"
    FROM (
      SELECT LEAST(floor((extract(epoch FROM "date") - ${fromEpoch}::float8) / ${bucketSeconds}::float8), ${BALANCE_CHART_MAX_POINTS - 1}) AS bucket,
             "date", "balance", "entryId"
      FROM "CharacterWalletJournalEntry"
      WHERE "characterId" = ${characterId}
        AND "date" >= ${fromText}::timestamp(3) AND "date" <= ${toText}::timestamp(3)
        AND "balance" IS NOT NULL
    ) AS entries
    ORDER BY bucket, "date" DESC, "entryId" DESC`;
  return { from, to, points: rows.map((r) => ({ date: r.date, balance: Number(r.balance) })) };
}
