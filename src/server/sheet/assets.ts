// The assets tab: a character's items as Member Audit shows them, locations first,
// then one level of the tree at a time (a hangar's top-level items, a container's or
// ship's contents), plus a search by type or custom name that tells where each hit
// sits. Lists are ordered by display name and paged with keyset cursors. The tree is
// read through the in-memory index (assets-index.ts), rebuilt when the section
// stores a new tree.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { decodeCursor, encodeCursor } from "~/server/paging/cursor";
import { int64String, safeText } from "~/server/paging/inputs";
import { type AssetIndex, assetIndex, compareKeys, type IndexedItem } from "./assets-index";

const limit = z.number().int().min(1).max(200).default(50);
const cursor = z.string().max(1000).optional();
/** EVE item, station and structure ids are below 2^53, so plain numbers carry them. */
const eveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const assetChildrenInput = z.object({
  /** Top-level items at this location... */
  locationId: eveId.optional(),
  /** ...or the contents of this item (container, ship). */
  parentItemId: eveId.optional(),
  cursor,
  limit,
});
export type AssetChildrenInput = z.input<typeof assetChildrenInput>;

export const assetSearchInput = z.object({
  query: safeText(100)
    .default("")
    .transform((q) => q.replace(/\s+/g, " ")),
  cursor,
  limit,
});
export type AssetSearchInput = z.input<typeof assetSearchInput>;

export interface AssetLocationSummary {
  id: number;
  name: string;
  category: string;
  /** False when the location is not in the location table (yet). */
  isKnown: boolean;
  /** Items directly at the location, and everything including contents. */
  topLevelItems: number;
  items: number;
  quantity: number;
  /** m3 of the items whose type volume is known. */
  volume: number;
  /** ISK at average market prices (blueprint copies and unpriced types count nothing). */
  value: number;
}

export interface AssetTotals {
  items: number;
  quantity: number;
  volume: number;
  /** Items not counted in `volume` because their type (or its volume) is unknown. */
  itemsWithoutVolume: number;
  value: number;
}

export interface AssetRow {
  itemId: number;
  typeId: number;
  typeName: string;
  groupName: string | null;
  /** Custom name of a ship or container. */
  name: string | null;
  quantity: number;
  isSingleton: boolean;
  isBlueprintCopy: boolean;
  locationFlag: string;
  /** m3 per unit, when known. */
  volume: number | null;
  /** Average market price per unit; null when unknown and for blueprint copies. */
  price: number | null;
  /** Direct contents; > 0 means the row can be opened. */
  childCount: number;
}

export interface AssetPathStep {
  itemId: number;
  label: string;
}

export interface AssetSearchRow extends AssetRow {
  location: { id: number; name: string };
  /** Containers from the top-level item down to the hit's direct parent. */
  containers: AssetPathStep[];
}

export interface AssetPage<Row> {
  rows: Row[];
  /** Matching rows in the whole list; sent with the first page only (null on later pages). */
  total: number | null;
  nextCursor: string | null;
}

export const unknownLocationName = (id: number | bigint) => `Unknown location #${id}`;
export const unknownTypeName = (typeId: number) => `Type ${typeId}`;

function toRow(item: IndexedItem): AssetRow {
  return {
    itemId: item.itemId,
    typeId: item.typeId,
    typeName: item.typeName ?? unknownTypeName(item.typeId),
    groupName: item.groupName,
    name: item.name,
    quantity: item.quantity,
    isSingleton: item.isSingleton,
    isBlueprintCopy: item.isBlueprintCopy,
    locationFlag: item.locationFlag,
    volume: item.volume,
    price: item.price,
    childCount: item.children.length,
  };
}

/** Every location the character has items at, with totals over everything inside, and the grand totals. */
export async function assetLocations(
  db: Db,
  characterId: number,
): Promise<{ totals: AssetTotals; locations: AssetLocationSummary[] }> {
  const index = await assetIndex(db, characterId);
  const totals: AssetTotals = { items: 0, quantity: 0, volume: 0, itemsWithoutVolume: 0, value: 0 };
  const locations = [...index.locations.values()].map((l): AssetLocationSummary => {
    totals.items += l.items;
    totals.quantity += l.quantity;
    totals.volume += l.volume;
    totals.itemsWithoutVolume += l.itemsWithoutVolume;
    totals.value += l.value;
    return {
      id: l.id,
      name: l.name ?? unknownLocationName(l.id),
      category: l.category ?? "unknown",
      isKnown: l.name !== null,
      topLevelItems: l.topLevel.length,
      items: l.items,
      quantity: l.quantity,
      volume: l.volume,
      value: l.value,
    };
  });
  locations.sort((a, b) => Number(!a.isKnown) - Number(!b.isKnown) || a.name.localeCompare(b.name) || a.id - b.id);
  return { totals, locations };
}

const itemIdKey = int64String;
const assetCursor = ([sortKey, itemId]: [string, string, string]) => ({ sortKey, itemId: BigInt(itemId) });

/**
 * One page of `list` (item indexes in list order) after the cursor, keeping only
 * items that pass `keep`; `total` counts them all on the first page.
 */
function page(
  index: AssetIndex,
  list: readonly number[],
  listKey: string,
  input: { cursor?: string; limit: number },
  keep?: (item: IndexedItem) => boolean,
) {
  // The sort key and item id of the last row sent, and the list they belong to: a cursor replayed against another
  // container or query is refused rather than silently skipping rows.
  const after = input.cursor
    ? assetCursor(decodeCursor(input.cursor, z.tuple([z.string().max(1000), itemIdKey, z.literal(listKey)])))
    : null;
  let start = 0;
  if (after) {
    // Binary search for the first item past the cursor.
    let high = list.length;
    while (start < high) {
      const mid = (start + high) >> 1;
      const item = index.items[list[mid]!]!;
      if (compareKeys(item.sortKey, item.itemId, after.sortKey, Number(after.itemId)) <= 0) start = mid + 1;
      else high = mid;
    }
  }
  const rows: IndexedItem[] = [];
  let more = false;
  // One pass: the page, and on the first page the count of all matches.
  let matched = 0;
  for (let i = start; i < list.length; i++) {
    const item = index.items[list[i]!]!;
    if (keep && !keep(item)) continue;
    matched += 1;
    if (rows.length < input.limit) rows.push(item);
    else {
      more = true;
      if (after || !keep) break;
    }
  }
  const total = after ? null : keep ? matched : list.length;
  const last = rows.at(-1);
  return {
    rows,
    total,
    nextCursor: more && last ? encodeCursor([last.sortKey, String(last.itemId), listKey]) : null,
  };
}

/** One level of the tree: the top-level items at a location, or an item's contents. */
export async function assetChildren(
  db: Db,
  characterId: number,
  raw: AssetChildrenInput,
): Promise<AssetPage<AssetRow>> {
  const input = assetChildrenInput.parse(raw);
  if (input.parentItemId === undefined && input.locationId === undefined)
    return { rows: [], total: 0, nextCursor: null };
  const index = await assetIndex(db, characterId);
  let list: readonly number[];
  let listKey: string;
  if (input.parentItemId !== undefined) {
    const parent = index.byItemId.get(input.parentItemId);
    list = parent === undefined ? [] : index.items[parent]!.children;
    listKey = `p${input.parentItemId}`;
  } else {
    list = index.locations.get(input.locationId!)?.topLevel ?? [];
    listKey = `l${input.locationId}`;
  }
  const result = page(index, list, listKey, input);
  return { ...result, rows: result.rows.map(toRow) };
}

/** Items whose type name or custom name contains the query, each with where it sits. */
export async function searchAssets(
  db: Db,
  characterId: number,
  raw: AssetSearchInput,
): Promise<AssetPage<AssetSearchRow>> {
  const input = assetSearchInput.parse(raw);
  if (input.query === "") return { rows: [], total: 0, nextCursor: null };
  const needle = input.query.toLowerCase();
  const index = await assetIndex(db, characterId);
  const matches = (item: IndexedItem) => item.searchText.includes(needle);
  const result = page(index, index.all, `s${needle}`, input, matches);
  return { ...result, rows: result.rows.map((item) => ({ ...toRow(item), ...pathOf(index, item) })) };
}

/** Where an item sits: its location and the containers from the top-level item down to its direct parent. */
function pathOf(index: AssetIndex, item: IndexedItem): Pick<AssetSearchRow, "location" | "containers"> {
  const containers: AssetPathStep[] = [];
  for (let at = item.parent; at !== -1 && containers.length < index.items.length; at = index.items[at]!.parent) {
    const parent = index.items[at]!;
    containers.unshift({
      itemId: parent.itemId,
      label: parent.name ?? parent.typeName ?? unknownTypeName(parent.typeId),
    });
  }
  const id = item.rootLocationId ?? 0;
  return { location: { id, name: index.locations.get(id)?.name ?? unknownLocationName(id) }, containers };
}
