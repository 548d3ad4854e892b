// contracts: the character's contracts (all pages). New contracts are created with
// their items, which never change and so are fetched once per contract; existing
// contracts only follow ESI in status, acceptor and dates. Auction bids are
// append-only. Contracts that expired before the retention cutoff are neither
// stored nor kept (their items and bids go with them).
import type { Db } from "~/server/db/client";
import { EsiError, type EsiClient } from "~/server/esi/client";
import type { EsiItem } from "~/server/esi/types";
import { retentionCutoff } from "./retention";
import { defineSection, type FetchContext, type PersistContext } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Contract = EsiItem<"get", "/characters/{character_id}/contracts">;
type ContractItem = EsiItem<"get", "/characters/{character_id}/contracts/{contract_id}/items">;
type ContractBid = EsiItem<"get", "/characters/{character_id}/contracts/{contract_id}/bids">;

export interface ContractsData {
  contracts: Contract[];
  /** Items of contracts whose items are not stored yet. */
  items: { contractId: number; items: ContractItem[] }[];
  /** Bids of auctions that are new or still open. */
  bids: { contractId: number; bids: ContractBid[] }[];
}

const DETAIL_CONCURRENCY = 8;
const OPEN_STATUSES = new Set(["outstanding", "in_progress"]);

/** Runs `load` for every id, a few at a time; results in id order, without the ids whose load failed. */
async function inBatches<T>(
  ids: number[],
  load: (id: number) => Promise<T | undefined>,
): Promise<{ contractId: number; value: T }[]> {
  const out: { contractId: number; value: T }[] = [];
  for (let i = 0; i < ids.length; i += DETAIL_CONCURRENCY) {
    const batch = ids.slice(i, i + DETAIL_CONCURRENCY);
    const values = await Promise.all(batch.map(load));
    for (const [j, contractId] of batch.entries()) {
      const value = values[j];
      if (value !== undefined) out.push({ contractId, value });
    }
  }
  return out;
}

/** ESI answers 404 for the details of contracts it no longer serves; that is "nothing there", not a failure. */
async function orEmpty<T>(request: Promise<T[]>): Promise<T[]> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof EsiError && error.status === 404) return [];
    throw error;
  }
}

/**
 * Items and bids, each contract's a part of its own: one that fails is left out (a
 * contract without items stored is asked again next run) and the others are kept.
 */
async function fetchDetails(
  esi: EsiClient,
  db: Db,
  characterId: number,
  contracts: Contract[],
  part: FetchContext["part"],
): Promise<Pick<ContractsData, "items" | "bids"> & { complete: boolean }> {
  const stored = await db.characterContract.findMany({
    where: { characterId },
    select: { contractId: true, status: true, itemsFetchedAt: true, bidsFetchedAt: true },
  });
  const byId = new Map(stored.map((c) => [Number(c.contractId), c]));
  const needItems = contracts.filter((c) => !byId.get(c.contract_id)?.itemsFetchedAt).map((c) => c.contract_id);
  const needBids = contracts
    .filter((c) => {
      const old = byId.get(c.contract_id);
      // Bids change while an auction is open; a closed one is asked until its bids were stored once.
      return c.type === "auction" && (!old || !old.bidsFetchedAt || OPEN_STATUSES.has(old.status));
    })
    .map((c) => c.contract_id);
  const path = (contractId: number) => ({ path: { character_id: characterId, contract_id: contractId } });
  const items = await inBatches(needItems, (id) =>
    part(`items of contract ${id}`, () =>
      orEmpty(esi.getData("/characters/{character_id}/contracts/{contract_id}/items", path(id))),
    ),
  );
  const bids = await inBatches(needBids, (id) =>
    part(`bids of contract ${id}`, () =>
      orEmpty(esi.getData("/characters/{character_id}/contracts/{contract_id}/bids", path(id))),
    ),
  );
  return {
    complete: items.length === needItems.length && bids.length === needBids.length,
    items: items.map(({ contractId, value }) => ({
      contractId,
      items: [...value].sort((a, b) => a.record_id - b.record_id),
    })),
    bids: bids.map(({ contractId, value }) => ({ contractId, bids: [...value].sort((a, b) => a.bid_id - b.bid_id) })),
  };
}

const dateOrNull = (value: string | undefined) => (value === undefined ? null : new Date(value));
const sameDate = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

function contractRow(characterId: number, c: Contract, itemsFetchedAt: Date | null, bidsFetchedAt: Date | null) {
  return {
    characterId,
    contractId: BigInt(c.contract_id),
    type: c.type as string,
    status: c.status as string,
    availability: c.availability as string,
    issuerId: c.issuer_id,
    issuerCorporationId: c.issuer_corporation_id,
    assigneeId: c.assignee_id,
    acceptorId: c.acceptor_id,
    forCorporation: c.for_corporation,
    dateIssued: new Date(c.date_issued),
    dateExpired: new Date(c.date_expired),
    dateAccepted: dateOrNull(c.date_accepted),
    dateCompleted: dateOrNull(c.date_completed),
    daysToComplete: c.days_to_complete ?? null,
    startLocationId: c.start_location_id !== undefined ? BigInt(c.start_location_id) : null,
    endLocationId: c.end_location_id !== undefined ? BigInt(c.end_location_id) : null,
    price: c.price ?? null,
    reward: c.reward ?? null,
    collateral: c.collateral ?? null,
    buyout: c.buyout ?? null,
    volume: c.volume ?? null,
    title: c.title ?? "",
    itemsFetchedAt,
    bidsFetchedAt,
  };
}

/** Creates new contracts and applies Member Audit's limited update to known ones. */
async function persistContracts({ tx, characterId, now }: PersistContext, data: ContractsData) {
  const stored = await tx.characterContract.findMany({
    where: { characterId },
    select: {
      contractId: true,
      status: true,
      acceptorId: true,
      dateAccepted: true,
      dateCompleted: true,
      itemsFetchedAt: true,
      bidsFetchedAt: true,
    },
  });
  const byId = new Map(stored.map((c) => [c.contractId, c]));
  const withItems = new Set(data.items.map((entry) => entry.contractId));
  const withBids = new Set(data.bids.map((entry) => entry.contractId));
  const created = data.contracts.filter((c) => !byId.has(BigInt(c.contract_id)));
  await insertRows(tx, "CharacterContract", {
    data: created.map((c) =>
      contractRow(characterId, c, withItems.has(c.contract_id) ? now : null, withBids.has(c.contract_id) ? now : null),
    ),
  });
  let written = created.length;
  const changed: Contract[] = [];
  for (const c of data.contracts) {
    const old = byId.get(BigInt(c.contract_id));
    if (!old) continue;
    const fields = {
      status: c.status as string,
      acceptorId: c.acceptor_id,
      dateAccepted: dateOrNull(c.date_accepted),
      dateCompleted: dateOrNull(c.date_completed),
    };
    const itemsNow = !old.itemsFetchedAt && withItems.has(c.contract_id);
    const bidsNow = !old.bidsFetchedAt && withBids.has(c.contract_id);
    const same =
      old.status === fields.status &&
      old.acceptorId === fields.acceptorId &&
      sameDate(old.dateAccepted, fields.dateAccepted) &&
      sameDate(old.dateCompleted, fields.dateCompleted);
    if (same && !itemsNow && !bidsNow) continue;
    await tx.characterContract.update({
      where: { characterId_contractId: { characterId, contractId: old.contractId } },
      data: { ...fields, ...(itemsNow ? { itemsFetchedAt: now } : {}), ...(bidsNow ? { bidsFetchedAt: now } : {}) },
    });
    if (!same) changed.push(c);
    written += 1;
  }
  return { written, created, changed };
}

export const contracts = defineSection<ContractsData>({
  name: "contracts",
  label: "Contracts",
  routes: [
    "GET /characters/{character_id}/contracts",
    "GET /characters/{character_id}/contracts/{contract_id}/items",
    "GET /characters/{character_id}/contracts/{contract_id}/bids",
  ],
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/contracts": [
      "contract_id",
      "type",
      "status",
      "availability",
      "issuer_id",
      "issuer_corporation_id",
      "assignee_id",
      "acceptor_id",
      "for_corporation",
      "date_issued",
      "date_expired",
      "date_accepted",
      "date_completed",
      "days_to_complete",
      "start_location_id",
      "end_location_id",
      "price",
      "reward",
      "collateral",
      "buyout",
      "volume",
      "title",
    ],
    "GET /characters/{character_id}/contracts/{contract_id}/items": [
      "record_id",
      "type_id",
      "quantity",
      "raw_quantity",
      "is_included",
      "is_singleton",
    ],
    "GET /characters/{character_id}/contracts/{contract_id}/bids": ["bid_id", "bidder_id", "amount", "date_bid"],
  },
  scopes: ["esi-contracts.read_character_contracts.v1", "esi-universe.read_structures.v1"],
  defaultStaleMinutes: 240,
  // Member Audit's "create + limited update": contracts are never deleted except by retention.
  writeStrategy: "accumulate",
  retention: {
    // Items and bids go with their contract (cascade).
    purge: async (db, characterId, cutoff) =>
      (await db.characterContract.deleteMany({ where: { characterId, dateExpired: { lt: cutoff } } })).count,
  },
  async fetch({ esi, db, characterId, cache, force, now, settings, part }) {
    // The list's ETag stands for the whole section: bids of open auctions are refreshed whenever the list changes.
    const result = await esi.getPages("/characters/{character_id}/contracts", {
      path: { character_id: characterId },
      cache,
      force,
    });
    if (result.status === "unchanged") return result;
    const cutoff = retentionCutoff(now, settings.retentionDays);
    const kept = result.data
      .filter((c) => new Date(c.date_expired) >= cutoff)
      .sort((a, b) => a.contract_id - b.contract_id);
    const { complete, ...details } = await fetchDetails(esi, db, characterId, kept, part);
    // A failed detail is asked again only if the list is fetched again: keep no ETag for it then.
    return { status: "ok", data: { contracts: kept, ...details }, cache: complete ? result.cache : null };
  },
  async persist(ctx, data) {
    const { tx, characterId } = ctx;
    const { written, created, changed } = await persistContracts(ctx, data);
    const items = await insertRows(tx, "CharacterContractItem", {
      data: data.items.flatMap(({ contractId, items }) =>
        items.map((item) => ({
          characterId,
          contractId: BigInt(contractId),
          recordId: BigInt(item.record_id),
          typeId: item.type_id,
          quantity: item.quantity,
          rawQuantity: item.raw_quantity ?? null,
          isIncluded: item.is_included,
          isSingleton: item.is_singleton,
        })),
      ),
      skipDuplicates: true,
    });
    const bids = await insertRows(tx, "CharacterContractBid", {
      data: data.bids.flatMap(({ contractId, bids }) =>
        bids.map((bid) => ({
          characterId,
          contractId: BigInt(contractId),
          bidId: bid.bid_id,
          bidderId: bid.bidder_id,
          amount: bid.amount,
          dateBid: new Date(bid.date_bid),
        })),
      ),
      skipDuplicates: true,
    });
    const parties = [...created, ...changed].flatMap((c) => [
      c.issuer_id,
      c.issuer_corporation_id,
      c.assignee_id,
      c.acceptor_id,
    ]);
    const bidders = data.bids.flatMap((entry) => entry.bids.map((bid) => bid.bidder_id));
    return {
      written: written + items.count + bids.count,
      entityIds: [...parties, ...bidders].filter((id) => id > 0),
      locationIds: created.flatMap((c) =>
        [c.start_location_id, c.end_location_id].filter((id): id is number => id !== undefined).map(BigInt),
      ),
    };
  },
});
