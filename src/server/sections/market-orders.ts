// market_orders: the open orders plus every page of the 90-day order history,
// upserted by order id. The open list is the change signal (an order closing
// changes it too), so its cache state is the section's; the history is fetched
// in full whenever the open list changed. Closed orders are kept after they leave
// ESI's window; an open order missing from both lists keeps its last state until
// the history reports how it ended.
import type { EsiItem } from "~/server/esi/types";
import { diffRows } from "./diff-rows";
import { defineSection, EveryPartFailedError } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type OpenOrder = EsiItem<"get", "/characters/{character_id}/orders">;
type ClosedOrder = EsiItem<"get", "/characters/{character_id}/orders/history">;

export interface MarketOrdersData {
  open: OpenOrder[];
  history: ClosedOrder[];
}

const cents = (value: number) => value.toFixed(2);

function toRow(characterId: number, o: OpenOrder | ClosedOrder) {
  return {
    characterId,
    orderId: BigInt(o.order_id),
    state: "state" in o ? o.state : "open",
    isBuyOrder: o.is_buy_order ?? false,
    isCorporation: o.is_corporation,
    typeId: o.type_id,
    regionId: o.region_id,
    locationId: BigInt(o.location_id),
    range: o.range,
    price: cents(o.price),
    volumeTotal: o.volume_total,
    volumeRemain: o.volume_remain,
    minVolume: o.min_volume ?? null,
    escrow: o.escrow === undefined ? null : cents(o.escrow),
    duration: o.duration,
    issued: new Date(o.issued),
  };
}

const HISTORY = "GET /characters/{character_id}/orders/history";

/** The fields an order is stored with, open or closed. */
const ORDER_FIELDS = [
  "order_id",
  "is_buy_order",
  "is_corporation",
  "type_id",
  "region_id",
  "location_id",
  "range",
  "price",
  "volume_total",
  "volume_remain",
  "min_volume",
  "escrow",
  "duration",
  "issued",
];

export const marketOrders = defineSection<MarketOrdersData>({
  name: "market_orders",
  label: "Market orders",
  routes: ["GET /characters/{character_id}/orders", "GET /characters/{character_id}/orders/history"],
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/orders": ORDER_FIELDS,
    // The history holds the same orders, closed: the same fields and the state they closed in.
    "GET /characters/{character_id}/orders/history": [...ORDER_FIELDS, "state"],
  },

  scopes: ["esi-markets.read_character_orders.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "accumulate",
  extra: true,
  // Open orders and history each keep their ETag (history through ctx.routes) and are
  // each a part: one that fails (or answers unchanged) contributes nothing, and orders
  // are upserted by id, so the other's rows are stored and nothing is lost.
  async fetch({ esi, characterId, cache, routes, force, part }) {
    const path = { character_id: characterId };
    const open = await part("open orders", () => esi.get("/characters/{character_id}/orders", { path, cache, force }));
    const historyCache = await routes.get(HISTORY);
    const history = await part("order history", () =>
      esi.getPages("/characters/{character_id}/orders/history", { path, cache: historyCache, force }),
    );
    if (!open && !history) throw new EveryPartFailedError();
    if (open?.status !== "ok" && history?.status !== "ok")
      return open ?? { status: "unchanged", reason: "not-modified", cache };
    if (history) routes.set(HISTORY, history.cache);
    return {
      status: "ok",
      data: {
        open: open?.status === "ok" ? open.data : [],
        history: history?.status === "ok" ? history.data : [],
      },
      cache: open ? open.cache : cache,
    };
  },
  async persist({ tx, characterId }, { open, history }) {
    // A closed state is final, so the history wins over a lagging open list.
    const byId = new Map([...open, ...history].map((o) => [o.order_id, toRow(characterId, o)]));
    const incoming = [...byId.values()];
    const stored = (
      await tx.characterMarketOrder.findMany({
        where: { characterId, orderId: { in: incoming.map((r) => r.orderId) } },
      })
    ).map((r) => ({
      ...r,
      price: r.price.toFixed(2),
      escrow: r.escrow === null ? null : r.escrow.toFixed(2),
    }));
    const diff = diffRows(stored, incoming, (r) => r.orderId);
    if (diff.create.length > 0) await insertRows(tx, "CharacterMarketOrder", { data: diff.create });
    for (const row of diff.update) {
      await tx.characterMarketOrder.update({
        where: { characterId_orderId: { characterId, orderId: row.orderId } },
        data: row,
      });
    }
    return { written: diff.create.length + diff.update.length, locationIds: incoming.map((r) => r.locationId) };
  },
});
