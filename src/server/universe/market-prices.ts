// CCP's market price estimates (public GET /markets/prices: one list of every market
// type, some 15,000), stored per type with set-based upserts and refreshed once a day.
import type { Db } from "~/server/db/client";
import { insertRows } from "~/server/db/insert-rows";
import type { EsiClient } from "~/server/esi/client";

/** CCP recomputes the estimates daily; a fresh install should not wait for the next day to show values. */
export const MARKET_PRICES_MAX_AGE_HOURS = 23;

export async function refreshMarketPrices(deps: { db: Db; esi: EsiClient }): Promise<{ types: number }> {
  const prices = await deps.esi.getData("/markets/prices");
  const rows = prices.map((p) => ({
    typeId: p.type_id,
    averagePrice: p.average_price ?? null,
    adjustedPrice: p.adjusted_price ?? null,
  }));
  await insertRows(deps.db, "EveMarketPrice", {
    data: rows,
    update: { on: ["typeId"], set: ["averagePrice", "adjustedPrice", "updatedAt"] },
  });
  return { types: prices.length };
}

/** Refreshes when no price is stored or the newest is older than MARKET_PRICES_MAX_AGE_HOURS; else does nothing. */
export async function refreshMarketPricesIfStale(
  deps: { db: Db; esi: EsiClient },
  now = new Date(),
): Promise<{ types: number } | { skipped: "fresh" }> {
  const newest = await deps.db.eveMarketPrice.aggregate({ _max: { updatedAt: true } });
  const updatedAt = newest._max.updatedAt;
  if (updatedAt && now.getTime() - updatedAt.getTime() < MARKET_PRICES_MAX_AGE_HOURS * 3_600_000)
    return { skipped: "fresh" };
  return refreshMarketPrices(deps);
}

/** Average prices of the given types; types without a known price are absent. */
export async function averagePrices(db: Db, typeIds: Iterable<number>): Promise<Map<number, number>> {
  const wanted = [...new Set(typeIds)];
  if (wanted.length === 0) return new Map();
  const rows = await db.eveMarketPrice.findMany({
    where: { typeId: { in: wanted }, averagePrice: { not: null } },
    select: { typeId: true, averagePrice: true },
  });
  return new Map(rows.map((r) => [r.typeId, r.averagePrice!]));
}
