// Market orders (open ones and 90 days of closed ones) and saved fittings.
import { DOGMA, findStation, findSystem, regionOfSystem } from "../sde";
import {
  averagePrice,
  charges,
  drones,
  findStructure,
  marketTypes,
  modulesBySlot,
  PLAYER_STRUCTURES,
  shipsOfGroups,
} from "./catalog";
import type { EsiItem } from "./esi-types";
import { DAY_MS, ID_SPACES, isk, isoSeconds, makeId } from "./ids";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type Order = EsiItem<"/characters/{character_id}/orders">;
export type ClosedOrder = EsiItem<"/characters/{character_id}/orders/history">;
export type Fitting = EsiItem<"/characters/{character_id}/fittings">;
type FittingFlag = Fitting["items"][number]["flag"];

export interface MarketSection {
  orders: Order[];
  history: ClosedOrder[];
  fittings: Fitting[];
}

const BUY_RANGES: readonly Order["range"][] = ["station", "solarsystem", "1", "2", "5", "10", "region"];

function marketLocation(ctx: CharacterContext, rng: Rng): { locationId: number; regionId: number } {
  const structure = rng.chance(0.15) ? rng.pick(PLAYER_STRUCTURES.filter((s) => !s.corporationIds)) : undefined;
  const locationId = structure?.id ?? ctx.profile.homeStation.id;
  const systemId = structure ? (findStructure(structure.id)?.systemId ?? 0) : (findStation(locationId)?.systemId ?? 0);
  const system = findSystem(systemId);
  return { locationId, regionId: system ? regionOfSystem(system) : 10000002 };
}

/** An order issued at `issuedMs`, or (undefined) at a time that leaves it open at the anchor. */
function order(ctx: CharacterContext, rng: Rng, n: number, issuedMs: number | undefined): Order {
  const type = rng.pick(marketTypes());
  const isBuy = rng.chance(0.35);
  const total = rng.count(20, 1.5, 1, 1_000_000);
  const remain = rng.chance(0.3) ? total : rng.int(1, total);
  const price = isk(averagePrice(type.id) * rng.float(isBuy ? 0.8 : 0.95, isBuy ? 1.0 : 1.3));
  const { locationId, regionId } = marketLocation(ctx, rng);
  const duration = isBuy ? rng.pick([1, 3, 7, 14, 30, 90]) : 90;
  const issued = issuedMs ?? ctx.anchorMs - Math.floor(rng.next() * Math.min(duration, 30) * DAY_MS);
  return {
    order_id: makeId(ID_SPACES.order, ctx.index, n),
    type_id: type.id,
    region_id: regionId,
    location_id: locationId,
    range: isBuy ? rng.pick(BUY_RANGES) : "region",
    price,
    volume_total: total,
    volume_remain: remain,
    issued: isoSeconds(issued),
    duration,
    is_corporation: rng.chance(0.05),
    ...(isBuy ? { is_buy_order: true, escrow: isk(price * remain), min_volume: 1 } : {}),
  };
}

function fitting(ctx: CharacterContext, rng: Rng, n: number): Fitting | undefined {
  const hulls = shipsOfGroups(ctx.profile.shipGroups);
  if (hulls.length === 0) return undefined;
  const hull = rng.pick(hulls);
  const bySlot = modulesBySlot();
  const items: Fitting["items"] = [];
  const slots: readonly [keyof typeof bySlot, number, string, number][] = [
    ["hi", hull.dogma?.[DOGMA.hiSlots] ?? 0, "HiSlot", 8],
    ["med", hull.dogma?.[DOGMA.medSlots] ?? 0, "MedSlot", 8],
    ["lo", hull.dogma?.[DOGMA.lowSlots] ?? 0, "LoSlot", 8],
    ["rig", hull.dogma?.[DOGMA.rigSlots] ?? 0, "RigSlot", 3],
  ];
  for (const [slot, count, prefix, max] of slots) {
    for (let i = 0; i < Math.min(count, max); i++)
      items.push({ flag: `${prefix}${i}` as FittingFlag, quantity: 1, type_id: rng.pick(bySlot[slot]).id });
  }
  if (rng.chance(0.5)) items.push({ flag: "Cargo", quantity: rng.int(100, 5000), type_id: rng.pick(charges()).id });
  if (rng.chance(0.3)) items.push({ flag: "DroneBay", quantity: rng.int(1, 5), type_id: rng.pick(drones()).id });
  return {
    fitting_id: makeId(ID_SPACES.fitting, ctx.index, n),
    name: `${hull.name} ${rng.pick(["PvP", "PvE", "Doctrine", "Cheap", "Travel", "Budget", "Fleet"])}`,
    description: rng.chance(0.5) ? "" : "Fit from the corp doctrine channel.",
    ship_type_id: hull.id,
    items,
  };
}

export function generateMarket(ctx: CharacterContext): MarketSection {
  const rng = ctx.rng("market");
  const { volumes } = ctx.profile;
  let n = 1;
  const closedTimes = Array.from(
    { length: volumes.orderHistory },
    () => ctx.anchorMs - 90 * DAY_MS + Math.floor(rng.next() * 88 * DAY_MS),
  ).sort((a, b) => a - b);
  const history: ClosedOrder[] = closedTimes.map((time) => {
    const base = order(ctx, rng, n++, time);
    return { ...base, state: rng.chance(0.6) ? "expired" : "cancelled", volume_remain: rng.int(0, base.volume_remain) };
  });
  const orders = Array.from({ length: volumes.orders }, () => order(ctx, rng, n++, undefined));
  const fittings = Array.from({ length: volumes.fittings }, (_, i) => fitting(ctx, rng, i + 1)).filter(
    (f): f is Fitting => f !== undefined,
  );
  return { orders, history, fittings };
}
