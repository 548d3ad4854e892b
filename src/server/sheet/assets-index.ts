// The assets tab's read model: a character's whole asset tree, with type, group and
// location names, sorted and summed once, kept in process memory and keyed by the
// assets section's content hash. The tree only changes when the section rewrites it
// (a changed hash), so every viewer request costs one primary-key read to check the
// hash instead of walking and sorting up to tens of thousands of rows in PostgreSQL:
// at 20,000 items the database path (recursive totals, sorting a big hangar by type
// name, ILIKE over a join) cost 30-140 ms per request, too much for 20 concurrent
// viewers on 2 cores. Entries also expire after NAMES_TTL_MS so names that arrive
// later (types loaded on demand, structures resolved) show up without an update.
// Chunked asset updates set the new hash only after their last chunk, so an index
// built from a half-written tree is replaced as soon as the update finishes.
import type { Db } from "~/server/db/client";

/** Total items held across cached characters; least recently used characters go first. */
const MAX_CACHED_ITEMS = 250_000;
const NAMES_TTL_MS = 5 * 60_000;

export interface IndexedItem {
  itemId: number;
  typeId: number;
  typeName: string | null;
  groupName: string | null;
  name: string | null;
  quantity: number;
  isSingleton: boolean;
  isBlueprintCopy: boolean;
  locationFlag: string;
  /** m3 per unit, when known. */
  volume: number | null;
  /** Average market price per unit (CCP's estimate); null when unknown, and for blueprint copies (worth nothing on the market). */
  price: number | null;
  /** Index of the parent item; -1 for top-level items. */
  parent: number;
  /** The location of the top-level item this one sits in (itself when top-level); null when unknown. */
  rootLocationId: number | null;
  /** Lower-cased display name: the sort key of every list. */
  sortKey: string;
  /** Lower-cased custom name and type name, for search. */
  searchText: string;
  /** Indexes of the direct contents, in list order. */
  children: number[];
}

export interface IndexedLocation {
  id: number;
  name: string | null;
  category: string | null;
  /** Indexes of the top-level items, in list order. */
  topLevel: number[];
  items: number;
  quantity: number;
  volume: number;
  itemsWithoutVolume: number;
  /** ISK at average market prices, of the items that have one. */
  value: number;
}

export interface AssetIndex {
  version: string;
  loadedAt: number;
  items: IndexedItem[];
  byItemId: Map<number, number>;
  locations: Map<number, IndexedLocation>;
  /** Every item's index, in list order (for search). */
  all: number[];
}

/** List order: display name, then item id, so paging is stable. */
export function compareKeys(aKey: string, aId: number, bKey: string, bId: number): number {
  return aKey < bKey ? -1 : aKey > bKey ? 1 : aId - bId;
}

interface Loaded {
  itemId: bigint;
  typeId: number;
  name: string | null;
  quantity: number;
  isSingleton: boolean;
  isBlueprintCopy: boolean;
  locationFlag: string;
  parentItemId: bigint | null;
  locationId: bigint | null;
  typeName: string | null;
  groupName: string | null;
  volume: number | null;
  price: number | null;
}

async function load(db: Db, characterId: number, version: string): Promise<AssetIndex> {
  const rows = await db.$queryRaw<Loaded[]>`
    SELECT a."itemId", a."typeId", a."name", a."quantity", a."isSingleton", a."isBlueprintCopy", a."locationFlag",
           a."parentItemId", a."locationId", t."name" AS "typeName", g."name" AS "groupName", t."volume",
           p."averagePrice" AS "price"
    FROM "CharacterAsset" a
    LEFT JOIN "EveType" t ON t."id" = a."typeId"
    LEFT JOIN "EveGroup" g ON g."id" = t."groupId"
    LEFT JOIN "EveMarketPrice" p ON p."typeId" = a."typeId"
    WHERE a."characterId" = ${characterId}`;
  const byItemId = new Map<number, number>();
  const items = rows.map((r, i): IndexedItem => {
    const itemId = Number(r.itemId);
    byItemId.set(itemId, i);
    return {
      itemId,
      typeId: r.typeId,
      typeName: r.typeName,
      groupName: r.groupName,
      name: r.name,
      quantity: r.quantity,
      isSingleton: r.isSingleton,
      isBlueprintCopy: r.isBlueprintCopy,
      locationFlag: r.locationFlag,
      volume: r.volume,
      price: r.isBlueprintCopy ? null : r.price,
      parent: -1,
      rootLocationId: null,
      sortKey: (r.name ?? r.typeName ?? `type ${r.typeId}`).toLowerCase(),
      // A newline separates the two so a query never matches across them.
      searchText: `${r.name ?? ""}\n${r.typeName ?? ""}`.toLowerCase(),
      children: [],
    };
  });
  rows.forEach((r, i) => {
    const parent = r.parentItemId === null ? undefined : byItemId.get(Number(r.parentItemId));
    // A parent that is not stored (never expected: the section writes whole trees) makes the item top-level.
    if (parent !== undefined && parent !== i) items[parent]!.children.push(i);
    items[i]!.parent = parent ?? -1;
  });
  const order = (a: number, b: number) =>
    compareKeys(items[a]!.sortKey, items[a]!.itemId, items[b]!.sortKey, items[b]!.itemId);
  const locations = new Map<number, IndexedLocation>();
  const locationOf = (id: number | null) => {
    const key = id ?? 0;
    let at = locations.get(key);
    if (!at) {
      at = {
        id: key,
        name: null,
        category: null,
        topLevel: [],
        items: 0,
        quantity: 0,
        volume: 0,
        itemsWithoutVolume: 0,
        value: 0,
      };
      locations.set(key, at);
    }
    return at;
  };
  // Top-down from each top-level item: every item learns its location, and the location sums it.
  rows.forEach((r, i) => {
    const top = items[i]!;
    if (top.parent !== -1) return;
    const location = locationOf(r.locationId === null ? null : Number(r.locationId));
    location.topLevel.push(i);
    const stack = [i];
    while (stack.length > 0) {
      const item = items[stack.pop()!]!;
      item.rootLocationId = location.id;
      location.items += 1;
      location.quantity += item.quantity;
      if (item.volume === null) location.itemsWithoutVolume += 1;
      else location.volume += item.quantity * item.volume;
      if (item.price !== null) location.value += item.quantity * item.price;
      stack.push(...item.children);
    }
  });
  for (const item of items) item.children.sort(order);
  for (const location of locations.values()) location.topLevel.sort(order);
  const names = await db.location.findMany({
    where: { id: { in: [...locations.keys()].map(BigInt) } },
    select: { id: true, name: true, category: true },
  });
  for (const n of names) Object.assign(locations.get(Number(n.id))!, { name: n.name, category: n.category });
  return { version, loadedAt: Date.now(), items, byItemId, locations, all: items.map((_, i) => i).sort(order) };
}

const cache = new Map<number, AssetIndex>();
const loading = new Map<string, Promise<AssetIndex>>();

function remember(characterId: number, index: AssetIndex): void {
  cache.delete(characterId);
  cache.set(characterId, index);
  let held = [...cache.values()].reduce((sum, i) => sum + i.items.length, 0);
  for (const [id, entry] of cache) {
    if (held <= MAX_CACHED_ITEMS || id === characterId) break;
    cache.delete(id);
    held -= entry.items.length;
  }
}

/** The character's current asset index: from memory when the stored tree has not changed since it was built. */
export async function assetIndex(db: Db, characterId: number): Promise<AssetIndex> {
  // Raw: this runs on every request, and a one-column primary-key read needs no query planning in the client.
  const status = await db.$queryRaw<{ contentHash: string | null }[]>`
    SELECT "contentHash" FROM "SectionUpdateStatus" WHERE "characterId" = ${characterId} AND "section" = 'assets'`;
  const version = status[0]?.contentHash ?? "none";
  const cached = cache.get(characterId);
  if (cached && cached.version === version && Date.now() - cached.loadedAt < NAMES_TTL_MS) {
    remember(characterId, cached);
    return cached;
  }
  // Concurrent viewers of the same character share one load.
  const key = `${characterId}:${version}`;
  let pending = loading.get(key);
  if (!pending) {
    pending = load(db, characterId, version)
      .then((index) => {
        remember(characterId, index);
        return index;
      })
      .finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

/** Drops every cached index (tests, and after bulk edits outside the assets section). */
export function forgetAssetIndexes(): void {
  cache.clear();
}
