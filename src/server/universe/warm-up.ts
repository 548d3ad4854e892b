// What a new install loads before its first user looks: CCP's market prices (when none
// are stored or they are a day old) and, when the caller knows them, the EVE types its
// characters will use. So the first sheet shows values and volumes at once instead of
// after the next cron sweep. Off the request path: the launcher and start-up call it.
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { refreshMarketPricesIfStale } from "./market-prices";
import { resolveTypes } from "./types";

export interface WarmUpResult {
  /** Price rows written, or 0 when the stored ones were fresh. */
  prices: number;
  /** Types loaded (those already known are skipped). */
  types: number;
  /** Types that could not be loaded; the resolve-eve-types sweep tries the referenced ones again. */
  typesFailed: number;
}

export async function warmUpUniverse(
  deps: { db: Db; esi: EsiClient },
  options: { typeIds?: readonly number[]; concurrency?: number; now?: Date } = {},
): Promise<WarmUpResult> {
  const [prices, types] = await Promise.all([
    refreshMarketPricesIfStale(deps, options.now),
    options.typeIds?.length ? resolveTypes(deps, options.typeIds, { concurrency: options.concurrency }) : null,
  ]);
  return {
    prices: "types" in prices ? prices.types : 0,
    types: types?.stored ?? 0,
    typesFailed: types?.failed.length ?? 0,
  };
}
