// The assets tab: a character's items as Member Audit shows them, locations first,
// then one level of the tree at a time (a hangar's top-level items, a container's or
// ship's contents), plus a search by type or custom name that tells where each hit
// sits. Everything is read per request from the stored tree (sections/assets.ts):
// top-level items carry locationId, everything else parentItemId, and the two
// indexes (characterId, locationId) and (characterId, parentItemId) serve every query.
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { type AssetCursor, decodeAssetCursor, encodeAssetCursor } from "./assets-cursor";

export { InvalidAssetCursorError } from "./assets-cursor";

const limit = z.number().int().min(1).max(200).default(50);
const cursor = z.string().max(400).optional();
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

export const assetSearchInput = z.object({ query: z.string().trim().max(100).default(""), cursor, limit });
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
}

export interface AssetTotals {
  items: number;
  quantity: number;
  volume: number;
  /** Items not counted in `volume` because their type (or its volume) is unknown. */
  itemsWithoutVolume: number;
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

async function locationNames(db: Db, ids: readonly bigint[]): Promise<Map<bigint, { name: string; category: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.location.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, category: true } });
  return new Map(rows.map((r) => [r.id, { name: r.name, category: r.category }]));
}

interface TotalsRow {
  root: bigint | null;
  items: number;
  topLevel: number;
  quantity: number;
  volume: number | null;
  withoutVolume: number;
}

/** Every location the character has items at, with totals over everything inside, and the grand totals. */
export async function assetLocations(db: Db, characterId: number): Promise<{ totals: AssetTotals; locations: AssetLocationSummary[] }> {
  // Walk down from the top-level items carrying their location, so contents count
  // where they sit. Trees are a few levels deep; each level is one index probe per parent.
  const rows = await db.$queryRaw<TotalsRow[]>`
    WITH RECURSIVE tree AS (
      SELECT a."itemId", a."locationId" AS root, a."typeId", a."quantity", 0 AS depth
      FROM "CharacterAsset" a
      WHERE a."characterId" = ${characterId} AND a."parentItemId" IS NULL
      UNION ALL
      SELECT c."itemId", tree.root, c."typeId", c."quantity", tree.depth + 1
      FROM tree JOIN "CharacterAsset" c ON c."characterId" = ${characterId} AND c."parentItemId" = tree."itemId"
      WHERE tree.depth < 50
    )
    SELECT tree.root,
           count(*)::int AS items,
           (count(*) FILTER (WHERE tree.depth = 0))::int AS "topLevel",
           sum(tree."quantity")::float8 AS quantity,
           sum(tree."quantity" * t."volume")::float8 AS volume,
           (count(*) FILTER (WHERE t."volume" IS NULL))::int AS "withoutVolume"
    FROM tree LEFT JOIN "EveType" t ON t."id" = tree."typeId"
    GROUP BY tree.root`;
  const names = await locationNames(
    db,
    rows.flatMap((r) => (r.root === null ? [] : [r.root])),
  );
  const totals: AssetTotals = { items: 0, quantity: 0, volume: 0, itemsWithoutVolume: 0 };
  const locations = rows.map((r): AssetLocationSummary => {
    totals.items += r.items;
    totals.quantity += r.quantity;
    totals.volume += r.volume ?? 0;
    totals.itemsWithoutVolume += r.withoutVolume;
    const id = r.root ?? 0n;
    const known = names.get(id);
    return {
      id: Number(id),
      name: known?.name ?? unknownLocationName(id),
      category: known?.category ?? "unknown",
      isKnown: known !== undefined,
      topLevelItems: r.topLevel,
      items: r.items,
      quantity: r.quantity,
      volume: r.volume ?? 0,
    };
  });
  locations.sort((a, b) => Number(!a.isKnown) - Number(!b.isKnown) || a.name.localeCompare(b.name) || a.id - b.id);
  return { totals, locations };
}

interface LevelRow {
  itemId: bigint;
  typeId: number;
  name: string | null;
  quantity: number;
  isSingleton: boolean;
  isBlueprintCopy: boolean;
  locationFlag: string;
  typeName: string | null;
  groupName: string | null;
  volume: number | null;
  sortKey: string;
  childCount: number;
  parentItemId: bigint | null;
  locationId: bigint | null;
}

const toRow = (r: LevelRow): AssetRow => ({
  itemId: Number(r.itemId),
  typeId: r.typeId,
  typeName: r.typeName ?? unknownTypeName(r.typeId),
  groupName: r.groupName,
  name: r.name,
  quantity: r.quantity,
  isSingleton: r.isSingleton,
  isBlueprintCopy: r.isBlueprintCopy,
  locationFlag: r.locationFlag,
  volume: r.volume,
  childCount: r.childCount,
});

/**
 * One page of items matching `where` (a fragment over alias a = CharacterAsset,
 * t = EveType), ordered by display name then item id. The direct-content count is
 * taken for the page's rows only.
 */
async function pageOfItems(db: Db, characterId: number, where: Prisma.Sql, after: AssetCursor | null, take: number): Promise<LevelRow[]> {
  const sortKey = Prisma.sql`lower(coalesce(a."name", t."name", 'type ' || a."typeId"))`;
  const keyset = after ? Prisma.sql`AND (${sortKey}, a."itemId") > (${after.sortKey}, ${after.itemId})` : Prisma.empty;
  return db.$queryRaw<LevelRow[]>`
    WITH page AS (
      SELECT a."itemId", a."typeId", a."name", a."quantity", a."isSingleton", a."isBlueprintCopy", a."locationFlag",
             a."parentItemId", a."locationId",
             t."name" AS "typeName", g."name" AS "groupName", t."volume", ${sortKey} AS "sortKey"
      FROM "CharacterAsset" a
      LEFT JOIN "EveType" t ON t."id" = a."typeId"
      LEFT JOIN "EveGroup" g ON g."id" = t."groupId"
      WHERE a."characterId" = ${characterId} AND (${where}) ${keyset}
      ORDER BY "sortKey", a."itemId"
      LIMIT ${take}
    )
    SELECT page.*,
           (SELECT count(*)::int FROM "CharacterAsset" c WHERE c."characterId" = ${characterId} AND c."parentItemId" = page."itemId") AS "childCount"
    FROM page
    ORDER BY page."sortKey", page."itemId"`;
}

function paged<Row>(rows: LevelRow[], pageSize: number, list: string, map: (r: LevelRow) => Row, total: number | null): AssetPage<Row> {
  const more = rows.length > pageSize;
  const shown = more ? rows.slice(0, pageSize) : rows;
  const last = shown.at(-1);
  return {
    rows: shown.map(map),
    total,
    nextCursor: more && last ? encodeAssetCursor({ sortKey: last.sortKey, itemId: last.itemId }, list) : null,
  };
}

/** One level of the tree: the top-level items at a location, or an item's contents. */
export async function assetChildren(db: Db, characterId: number, raw: AssetChildrenInput): Promise<AssetPage<AssetRow>> {
  const input = assetChildrenInput.parse(raw);
  let where: Prisma.Sql;
  let list: string;
  if (input.parentItemId !== undefined) {
    where = Prisma.sql`a."parentItemId" = ${BigInt(input.parentItemId)}`;
    list = `p${input.parentItemId}`;
  } else if (input.locationId !== undefined) {
    where = Prisma.sql`a."parentItemId" IS NULL AND a."locationId" = ${BigInt(input.locationId)}`;
    list = `l${input.locationId}`;
  } else {
    return { rows: [], total: 0, nextCursor: null };
  }
  const after = input.cursor ? decodeAssetCursor(input.cursor, list) : null;
  const [rows, total] = await Promise.all([
    pageOfItems(db, characterId, where, after, input.limit + 1),
    after
      ? null
      : input.parentItemId !== undefined
        ? db.characterAsset.count({ where: { characterId, parentItemId: BigInt(input.parentItemId) } })
        : db.characterAsset.count({ where: { characterId, parentItemId: null, locationId: BigInt(input.locationId!) } }),
  ]);
  return paged(rows, input.limit, list, toRow, total);
}

/** LIKE pattern matching `text` literally anywhere. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Items whose type name or custom name contains the query, each with where it sits. */
export async function searchAssets(db: Db, characterId: number, raw: AssetSearchInput): Promise<AssetPage<AssetSearchRow>> {
  const input = assetSearchInput.parse(raw);
  if (input.query === "") return { rows: [], total: 0, nextCursor: null };
  const pattern = containsPattern(input.query);
  const where = Prisma.sql`a."name" ILIKE ${pattern} OR t."name" ILIKE ${pattern}`;
  const list = `s${input.query.toLowerCase()}`;
  const after = input.cursor ? decodeAssetCursor(input.cursor, list) : null;
  const [rows, total] = await Promise.all([
    pageOfItems(db, characterId, where, after, input.limit + 1),
    after
      ? null
      : db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM "CharacterAsset" a LEFT JOIN "EveType" t ON t."id" = a."typeId"
          WHERE a."characterId" = ${characterId} AND (${where})`.then((r) => r[0]?.n ?? 0),
  ]);
  const page = paged(rows, input.limit, list, (r) => r, total);
  const paths = await assetPaths(db, characterId, page.rows);
  return { ...page, rows: page.rows.map((r) => ({ ...toRow(r), ...paths.get(r.itemId)! })) };
}

interface Ancestor {
  itemId: bigint;
  typeId: number;
  name: string | null;
  parentItemId: bigint | null;
  locationId: bigint | null;
}

/** Where each item sits: its location and the chain of containers above it. One query per tree level. */
async function assetPaths(db: Db, characterId: number, items: readonly Ancestor[]): Promise<Map<bigint, Omit<AssetSearchRow, keyof AssetRow>>> {
  const known = new Map<bigint, Ancestor>(items.map((i) => [i.itemId, i]));
  let missing = [...new Set(items.flatMap((i) => (i.parentItemId === null ? [] : [i.parentItemId])))];
  for (let depth = 0; missing.length > 0 && depth < 50; depth++) {
    const parents = await db.characterAsset.findMany({
      where: { characterId, itemId: { in: missing } },
      select: { itemId: true, typeId: true, name: true, parentItemId: true, locationId: true },
    });
    for (const p of parents) known.set(p.itemId, p);
    missing = [...new Set(parents.flatMap((p) => (p.parentItemId === null || known.has(p.parentItemId) ? [] : [p.parentItemId])))];
  }
  const chains = new Map<bigint, { root: bigint | null; chain: Ancestor[] }>();
  for (const item of items) {
    const chain: Ancestor[] = [];
    let at: Ancestor | undefined = item;
    const seen = new Set<bigint>();
    while (at && at.parentItemId !== null && !seen.has(at.itemId)) {
      seen.add(at.itemId);
      at = known.get(at.parentItemId);
      if (at) chain.unshift(at);
    }
    chains.set(item.itemId, { root: at?.locationId ?? null, chain });
  }
  const typeIds = [...new Set([...known.values()].map((a) => a.typeId))];
  const [types, locations] = await Promise.all([
    db.eveType.findMany({ where: { id: { in: typeIds } }, select: { id: true, name: true } }),
    locationNames(db, [...chains.values()].flatMap((c) => (c.root === null ? [] : [c.root]))),
  ]);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const out = new Map<bigint, Omit<AssetSearchRow, keyof AssetRow>>();
  for (const [itemId, { root, chain }] of chains) {
    const id = root ?? 0n;
    out.set(itemId, {
      location: { id: Number(id), name: locations.get(id)?.name ?? unknownLocationName(id) },
      containers: chain.map((a) => ({ itemId: Number(a.itemId), label: a.name ?? typeName.get(a.typeId) ?? unknownTypeName(a.typeId) })),
    });
  }
  return out;
}
