// Mining tab: the mining ledger newest day first (paged), each row valued at CCP's
// average price when one is known, and totals per calendar month.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { averagePrices } from "~/server/universe/market-prices";
import { placeName, placeNames, typeNames } from "./name-lookups";
import { decodeCursor, encodeCursor, isoDate, pageInput } from "~/server/paging/cursor";
import { eveId32, int32 } from "~/server/paging/inputs";

export const miningInput = z.object({
  ...pageInput,
  typeId: eveId32.optional(),
  solarSystemId: eveId32.optional(),
});
export type MiningInput = z.input<typeof miningInput>;

export interface MiningRow {
  date: string;
  solarSystemId: number;
  solarSystemName: string;
  typeId: number;
  typeName: string;
  quantity: number;
  /** quantity × average price; null when no price is known for the type. */
  value: number | null;
}

export interface MiningMonth {
  /** "2026-11" */
  month: string;
  quantity: number;
  value: number;
}

const cursorShape = z.tuple([isoDate, int32, int32]);

export async function miningLedgerPage(
  db: Db,
  characterId: number,
  input: MiningInput = {},
): Promise<{ rows: MiningRow[]; nextCursor: string | null }> {
  const { cursor, limit, typeId, solarSystemId } = miningInput.parse(input);
  const after = cursor ? decodeCursor(cursor, cursorShape) : null;
  const keyset = after
    ? {
        OR: [
          { date: { lt: new Date(after[0]) } },
          { date: new Date(after[0]), solarSystemId: { lt: after[1] } },
          { date: new Date(after[0]), solarSystemId: after[1], typeId: { lt: after[2] } },
        ],
      }
    : {};
  const entries = await db.characterMiningLedgerEntry.findMany({
    // Keyset positions are absolute, so a cursor stays valid when the filters change.
    where: { characterId, ...(typeId ? { typeId } : {}), ...(solarSystemId ? { solarSystemId } : {}), ...keyset },
    // All descending: the primary key (characterId, date, solarSystemId, typeId) read backwards, no sort.
    orderBy: [{ date: "desc" }, { solarSystemId: "desc" }, { typeId: "desc" }],
    take: limit + 1,
  });
  const page = entries.slice(0, limit);
  const [types, systems, prices] = await Promise.all([
    typeNames(
      db,
      page.map((e) => e.typeId),
    ),
    placeNames(
      db,
      page.map((e) => e.solarSystemId),
    ),
    averagePrices(
      db,
      page.map((e) => e.typeId),
    ),
  ]);
  const rows = page.map((e) => {
    const price = prices.get(e.typeId);
    return {
      date: e.date.toISOString().slice(0, 10),
      solarSystemId: e.solarSystemId,
      solarSystemName: placeName(systems, e.solarSystemId)!,
      typeId: e.typeId,
      typeName: types.get(e.typeId)!.name,
      quantity: Number(e.quantity),
      value: price === undefined ? null : Number(e.quantity) * price,
    };
  });
  const last = page.at(-1);
  return {
    rows,
    nextCursor:
      entries.length > limit && last ? encodeCursor([last.date.toISOString(), last.solarSystemId, last.typeId]) : null,
  };
}

/** Quantity and ISK value per calendar month (UTC), newest first; unpriced ore adds quantity but no value. */
export async function miningMonthlyTotals(db: Db, characterId: number): Promise<MiningMonth[]> {
  const rows = await db.$queryRaw<{ month: string; quantity: bigint; value: number | null }[]>`
    SELECT to_char(m."date", 'YYYY-MM') AS month, sum(m."quantity")::bigint AS quantity, sum(m."quantity" * p."averagePrice")::float8 AS value
    FROM "CharacterMiningLedgerEntry" m LEFT JOIN "EveMarketPrice" p ON p."typeId" = m."typeId"
    WHERE m."characterId" = ${characterId}
    GROUP BY 1 ORDER BY 1 DESC`;
  return rows.map((r) => ({ month: r.month, quantity: Number(r.quantity), value: r.value ?? 0 }));
}

/** The ore types and solar systems in the character's ledger, for the filters. */
export async function miningFilterOptions(
  db: Db,
  characterId: number,
): Promise<{ types: { id: number; name: string }[]; systems: { id: number; name: string }[] }> {
  const [types, systems] = await Promise.all([
    db.characterMiningLedgerEntry.groupBy({ by: ["typeId"], where: { characterId } }),
    db.characterMiningLedgerEntry.groupBy({ by: ["solarSystemId"], where: { characterId } }),
  ]);
  const [typeNamed, systemNamed] = await Promise.all([
    typeNames(
      db,
      types.map((t) => t.typeId),
    ),
    placeNames(
      db,
      systems.map((s) => s.solarSystemId),
    ),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    types: types.map((t) => ({ id: t.typeId, name: typeNamed.get(t.typeId)!.name })).sort(byName),
    systems: systems.map((s) => ({ id: s.solarSystemId, name: placeName(systemNamed, s.solarSystemId)! })).sort(byName),
  };
}
