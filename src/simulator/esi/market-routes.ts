// Market data: CCP's average/adjusted prices for every market type of the
// extract, and a character's open and closed orders.
import { averagePrice, marketTypes } from "../data/catalog";
import { Rng } from "../data/prng";
import { characterRoute, section } from "./data-route";
import type { EsiRoute } from "./route";

const ORDERS_SCOPE = "esi-markets.read_character_orders.v1";

function prices() {
  return marketTypes().map((type) => {
    const average = averagePrice(type.id);
    // The adjusted price trails the average by a few percent, as CCP's 28-day smoothing does.
    const adjusted = Math.round(average * new Rng("adjusted-price", type.id).float(0.9, 1.05) * 100) / 100;
    return { type_id: type.id, average_price: average, adjusted_price: adjusted };
  });
}

export const marketEsiRoutes: readonly EsiRoute[] = [
  { method: "GET", path: "/markets/prices", cacheSeconds: 3600, handler: prices },
  characterRoute({
    path: "/characters/{character_id}/orders",
    scope: ORDERS_SCOPE,
    cacheSeconds: 1200,
    handler: (c) => section(c, "market").orders,
  }),
  characterRoute({
    path: "/characters/{character_id}/orders/history",
    scope: ORDERS_SCOPE,
    cacheSeconds: 3600,
    pageSize: 1000,
    // Most recent first.
    handler: (c) => [...section(c, "market").history].reverse(),
  }),
];
