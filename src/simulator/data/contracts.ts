// Contracts the character issued or was party to, with items and auction bids.
// Status and dates agree: outstanding contracts expire in the future, finished
// ones were accepted and completed, courier contracts in progress have an acceptor.
import { type SdeType, stationsInSystem } from "../sde";
import {
  blueprints,
  charges,
  materials,
  modulesBySlot,
  PLAYER_STRUCTURES,
  shipsOfGroups,
  stationsByBand,
} from "./catalog";
import { findAnyCharacter } from "./characters";
import type { EsiItem } from "./esi-types";
import { DAY_MS, HOUR_MS, ID_SPACES, isk, isoSeconds, makeId } from "./ids";
import { otherCharacterId } from "./parties";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type Contract = EsiItem<"/characters/{character_id}/contracts">;
export type ContractItem = EsiItem<"/characters/{character_id}/contracts/{contract_id}/items">;
export type ContractBid = EsiItem<"/characters/{character_id}/contracts/{contract_id}/bids">;

export interface ContractsSection {
  contracts: Contract[];
  items: Map<number, ContractItem[]>;
  bids: Map<number, ContractBid[]>;
  nextN: number;
  nextItemN: number;
  nextBidN: number;
}

const TITLES = [
  "",
  "",
  "Doctrine fit",
  "Ore for sale",
  "Moving stuff",
  "BPC pack",
  "Cheap ammo",
  "Please rush",
  "Loot",
];

const corporationOf = (characterId: number) => findAnyCharacter(characterId)?.corporationId ?? 1000001;

function locationId(ctx: CharacterContext, rng: Rng): number {
  if (rng.chance(0.1)) return rng.pick(PLAYER_STRUCTURES.filter((s) => !s.corporationIds)).id;
  const local = stationsInSystem(rng.pick(ctx.profile.localSystems).id);
  return local.length > 0 && rng.chance(0.6) ? rng.pick(local).id : rng.pick(stationsByBand().high).id;
}

function contractItems(ctx: CharacterContext, section: ContractsSection, rng: Rng, contract: Contract): ContractItem[] {
  const count = contract.type === "courier" ? rng.int(1, 8) : rng.count(3, 1, 1, 60);
  const pools: readonly (readonly SdeType[])[] = [
    modulesBySlot().hi,
    modulesBySlot().med,
    modulesBySlot().lo,
    charges(),
    materials(),
    shipsOfGroups(ctx.profile.shipGroups),
    blueprints(),
  ];
  return Array.from({ length: count }, () => {
    const type = rng.pick(rng.pick(pools));
    const isBlueprint = type.productTypeId !== undefined;
    const singleton = isBlueprint || rng.chance(0.1);
    return {
      record_id: makeId(ID_SPACES.contractItem, ctx.index, section.nextItemN++),
      type_id: type.id,
      quantity: singleton ? 1 : rng.count(10, 1.5, 1, 100_000),
      is_singleton: singleton,
      // Item exchanges may also ask for items in return.
      is_included: contract.type !== "item_exchange" || rng.chance(0.9),
      // -1 marks an original blueprint, -2 a copy.
      ...(isBlueprint ? { raw_quantity: rng.chance(0.6) ? -2 : -1 } : {}),
    };
  });
}

function newContract(
  ctx: CharacterContext,
  section: ContractsSection,
  rng: Rng,
  issuedMs: number,
  nowMs: number,
): Contract {
  const self = ctx.character.characterId;
  const type = rng.weighted<Contract["type"]>([
    ["item_exchange", 60],
    ["courier", ctx.profile.archetype === "hauler" ? 60 : 20],
    ["auction", 10],
    ["loan", 1],
    ["unknown", 1],
  ]);
  const issuedBySelf = rng.chance(0.6);
  const other = otherCharacterId(rng, self);
  const issuer = issuedBySelf ? self : other;
  const duration = rng.pick([1, 3, 7, 14, 30]) * DAY_MS;
  const expiredMs = issuedMs + duration;
  const availability = rng.weighted<Contract["availability"]>([
    ["public", 50],
    ["personal", 35],
    ["corporation", 10],
    ["alliance", 5],
  ]);
  const assignee =
    availability === "public"
      ? 0
      : availability === "personal"
        ? issuedBySelf
          ? other
          : self
        : ctx.character.corporationId;
  let status: Contract["status"];
  if (expiredMs > nowMs) status = type === "courier" && rng.chance(0.3) ? "in_progress" : "outstanding";
  else
    status = rng.weighted<Contract["status"]>([
      ["finished", 60],
      ["outstanding", 10],
      ["deleted", 10],
      ["cancelled", 5],
      ["rejected", 3],
      ["failed", 2],
      ["finished_issuer", 5],
      ["finished_contractor", 5],
    ]);
  const accepted = status === "in_progress" || status.startsWith("finished") || status === "failed";
  const acceptor = accepted ? (issuedBySelf ? other : self) : 0;
  const acceptedMs = Math.min(issuedMs + rng.int(1, 48) * HOUR_MS, expiredMs - 1000, nowMs);
  const value = ctx.profile.wealth * rng.logNormal(0.02, 1);
  const start = locationId(ctx, rng);
  const contract: Contract = {
    contract_id: makeId(ID_SPACES.contract, ctx.index, section.nextN++),
    type,
    status,
    availability,
    issuer_id: issuer,
    issuer_corporation_id: corporationOf(issuer),
    assignee_id: assignee,
    acceptor_id: acceptor,
    for_corporation: issuedBySelf && rng.chance(0.05),
    date_issued: isoSeconds(issuedMs),
    date_expired: isoSeconds(expiredMs),
    ...(accepted ? { date_accepted: isoSeconds(acceptedMs) } : {}),
    ...(status.startsWith("finished") || status === "failed"
      ? { date_completed: isoSeconds(Math.min(acceptedMs + rng.int(1, 72) * HOUR_MS, nowMs)) }
      : {}),
    title: rng.pick(TITLES),
    start_location_id: start,
    end_location_id: type === "courier" ? locationId(ctx, rng) : start,
    price: type === "courier" ? 0 : isk(value),
    reward: type === "courier" ? isk(value * 0.05) : 0,
    collateral: type === "courier" ? isk(value) : 0,
    volume: Math.round(rng.logNormal(2000, 1.5) * 100) / 100,
    ...(type === "courier" ? { days_to_complete: rng.pick([1, 3, 7, 14]) } : {}),
    ...(type === "auction" ? { buyout: isk(value * 2) } : {}),
  };
  section.items.set(contract.contract_id, contractItems(ctx, section, rng, contract));
  if (type === "auction") {
    let amount = value;
    const bids: ContractBid[] = [];
    const bidCount = rng.int(0, 8);
    for (let i = 0; i < bidCount; i++) {
      amount *= rng.float(1.02, 1.2);
      bids.push({
        bid_id: makeId(ID_SPACES.bid, ctx.index, section.nextBidN++),
        bidder_id: otherCharacterId(rng, issuer),
        amount: isk(amount),
        date_bid: isoSeconds(Math.min(issuedMs + (i + 1) * HOUR_MS, nowMs)),
      });
    }
    section.bids.set(contract.contract_id, bids);
  }
  return contract;
}

export function generateContracts(ctx: CharacterContext): ContractsSection {
  const rng = ctx.rng("contracts");
  const section: ContractsSection = {
    contracts: [],
    items: new Map(),
    bids: new Map(),
    nextN: 1,
    nextItemN: 1,
    nextBidN: 1,
  };
  const count = ctx.profile.volumes.contracts;
  // ESI lists 30 days of contracts plus older ones still outstanding.
  const times = Array.from({ length: count }, () => ctx.anchorMs - Math.floor(rng.next() * 45 * DAY_MS)).sort(
    (a, b) => a - b,
  );
  for (const time of times) section.contracts.push(newContract(ctx, section, rng, time, ctx.anchorMs));
  return section;
}

/** Issues a new contract at `nowMs` and completes the oldest outstanding one; returns the touched ids. */
export function mutateContracts(ctx: CharacterContext, section: ContractsSection, rng: Rng, nowMs: number): number[] {
  const touched: number[] = [];
  const index = section.contracts.findIndex((c) => c.status === "outstanding" && c.type === "item_exchange");
  const open = section.contracts[index];
  if (open) {
    const acceptor =
      open.issuer_id === ctx.character.characterId
        ? otherCharacterId(rng, ctx.character.characterId)
        : ctx.character.characterId;
    section.contracts[index] = {
      ...open,
      status: "finished",
      acceptor_id: acceptor,
      date_accepted: isoSeconds(nowMs),
      date_completed: isoSeconds(nowMs),
    };
    touched.push(open.contract_id);
  }
  const fresh = newContract(ctx, section, rng, nowMs, nowMs);
  section.contracts.push(fresh);
  touched.push(fresh.contract_id);
  return touched;
}
