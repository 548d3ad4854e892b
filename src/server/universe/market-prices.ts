// CCP's market price estimates (public GET /markets/prices: one list of every market
// type), stored per type and refreshed daily. Written with one set-based upsert per
// chunk: the list has some 15,000 types and row-by-row upserts would take minutes.
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";

const CHUNK = 5000;

export async function refreshMarketPrices(deps: { db: Db; esi: EsiClient }): Promise<{ types: number }> {
  const prices = await deps.esi.getData("/markets/prices");
  for (let i = 0; i < prices.length; i += CHUNK) {
    const chunk = prices.slice(i, i + CHUNK);
    const typeIds = chunk.map((p) => p.type_id);
    const averages = chunk.map((p) => p.average_price ?? null);
    const adjusted = chunk.map((p) => p.adjusted_price ?? null);
    await deps.db.$executeRaw`
      INSERT INTO "EveMarketPrice" ("typeId", "averagePrice", "adjustedPrice", "updatedAt")
      SELECT t, a, j, now() FROM unnest(${typeIds}::int[], ${averages}::float8[], ${adjusted}::float8[]) AS p(t, a, j)
      ON CONFLICT ("typeId") DO UPDATE SET "averagePrice" = EXCLUDED."averagePrice", "adjustedPrice" = EXCLUDED."adjustedPrice", "updatedAt" = now()`;
  }
  return { types: prices.length };
}

/** Average prices of the given types; types without a known price are absent. */
export async function averagePrices(db: Db, typeIds: Iterable<number>): Promise<Map<number, number>> {
  const wanted = [...new Set(typeIds)];
  if (wanted.length === 0) return new Map();
  const rows = await db.eveMarketPrice.findMany({ where: { typeId: { in: wanted }, averagePrice: { not: null } }, select: { typeId: true, averagePrice: true } });
  return new Map(rows.map((r) => [r.typeId, r.averagePrice!]));
}
