// assets: every item the character owns, rebuilt as a tree whenever the list changed
// and written in chunks of settings.assetsChunkSize rows, each chunk its own
// transaction (and Inngest step): new items created, changed ones updated, and after
// the last chunk the items no longer listed deleted. A move costs a few writes, not a
// rewrite of the whole hangar. Custom names of ships and containers come from assets/names; the ship
// the character sits in is not part of ESI's list, so it is added as Member Audit does.
import { type EsiClient, EsiMissingScopeError } from "~/server/esi/client";
import type { EsiItem } from "~/server/esi/types";
import { type AssetItem, type AssetRow, buildAssetTree, chunked } from "./assets-tree";
import { diffRows } from "./diff-rows";
import { defineSection } from "./types";
import { insertRows } from "~/server/db/insert-rows";

/** deleteMany lists stay well below PostgreSQL's bind-parameter limit. */
const DELETE_BATCH = 10_000;
/** AssetRow as a plain record, for the row diff. */
type AssetRecord = { [K in keyof AssetRow]: AssetRow[K] };

/** ESI takes at most 1,000 ids per assets/names call; Member Audit sends 999. */
const NAMES_CHUNK = 999;
/** Capsule and its Genolution variant: "flying" a pod is not owning a ship. */
const CAPSULE_TYPE_IDS = new Set([670, 33328]);

type EsiAsset = EsiItem<"get", "/characters/{character_id}/assets">;

async function customNames(esi: EsiClient, characterId: number, itemIds: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const ids of chunked(itemIds, NAMES_CHUNK)) {
    const body = await esi.post("/characters/{character_id}/assets/names", {
      path: { character_id: characterId },
      body: ids,
    });
    // ESI answers "None" for items nobody named.
    for (const { item_id, name } of body) if (name && name !== "None") names.set(item_id, name);
  }
  return names;
}

/** The active ship as an asset in the hangar of the character's current location; undefined when there is none to add. */
async function currentShip(
  esi: EsiClient,
  characterId: number,
  known: ReadonlySet<number>,
): Promise<AssetItem | undefined> {
  const path = { character_id: characterId };
  const fetched = await Promise.all([
    esi.getData("/characters/{character_id}/ship", { path }),
    esi.getData("/characters/{character_id}/location", { path }),
  ]).catch((error: unknown) => {
    // The ship is an extra; a token without the location scopes still gets its assets.
    if (error instanceof EsiMissingScopeError) return undefined;
    throw error;
  });
  if (!fetched) return undefined;
  const [ship, where] = fetched;
  if (ship.ship_item_id === 0 || CAPSULE_TYPE_IDS.has(ship.ship_type_id) || known.has(ship.ship_item_id))
    return undefined;
  const [locationId, locationType] =
    where.structure_id !== undefined
      ? [where.structure_id, "item"]
      : where.station_id !== undefined
        ? [where.station_id, "station"]
        : [where.solar_system_id, "solar_system"];
  return {
    itemId: ship.ship_item_id,
    typeId: ship.ship_type_id,
    quantity: 1,
    locationId,
    locationType,
    locationFlag: "Hangar",
    isSingleton: true,
    isBlueprintCopy: false,
    name: ship.ship_name || null,
  };
}

function toItem(asset: EsiAsset, names: ReadonlyMap<number, string>): AssetItem {
  return {
    itemId: asset.item_id,
    typeId: asset.type_id,
    quantity: asset.quantity,
    locationId: asset.location_id,
    locationType: asset.location_type,
    locationFlag: asset.location_flag,
    isSingleton: asset.is_singleton,
    isBlueprintCopy: asset.is_blueprint_copy ?? false,
    name: names.get(asset.item_id) ?? null,
  };
}

export const assets = defineSection<AssetItem[]>({
  name: "assets",
  label: "Assets",
  routes: [
    "GET /characters/{character_id}/assets",
    "POST /characters/{character_id}/assets/names",
    "GET /characters/{character_id}/ship",
    "GET /characters/{character_id}/location",
  ],
  scopes: ["esi-assets.read_assets.v1", "esi-universe.read_structures.v1"],
  defaultStaleMinutes: 480,
  writeStrategy: "diff",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.getPages("/characters/{character_id}/assets", {
      path: { character_id: characterId },
      cache,
      force,
    });
    if (result.status === "unchanged") return result;
    const singletons = result.data.filter((a) => a.is_singleton).map((a) => a.item_id);
    const names = await customNames(esi, characterId, singletons);
    // Sorted so the same list always hashes the same (the engine then writes nothing).
    const items = result.data.map((a) => toItem(a, names)).sort((a, b) => a.itemId - b.itemId);
    const ship = await currentShip(esi, characterId, new Set(items.map((i) => i.itemId)));
    if (ship) items.push(ship);
    return { status: "ok", data: items, cache: result.cache };
  },
  // Chunked sections are written through `chunked`; persist is kept for callers outside the engine.
  async persist(ctx, items) {
    const rows = assets.chunked!.rows(items) as AssetRow[];
    let written = 0;
    const locationIds: bigint[] = [];
    for (const chunk of chunked(rows, ctx.settings.assetsChunkSize)) {
      const result = await assets.chunked!.write(ctx, chunk);
      written += result.written;
      locationIds.push(...(result.locationIds ?? []));
    }
    written += await assets.chunked!.removeOthers(ctx, new Set(rows.map((r) => r.itemId)));
    return { written, locationIds };
  },
  chunked: {
    rows: (items: AssetItem[]) => buildAssetTree(items).rows,
    key: (row: AssetRow) => row.itemId,
    async write({ tx, characterId }, rows: AssetRow[]) {
      const stored = await tx.characterAsset.findMany({
        where: { characterId, itemId: { in: rows.map((r) => r.itemId) } },
        select: {
          itemId: true,
          typeId: true,
          quantity: true,
          locationId: true,
          locationType: true,
          locationFlag: true,
          isSingleton: true,
          isBlueprintCopy: true,
          name: true,
          parentItemId: true,
        },
      });
      const diff = diffRows<bigint, AssetRecord>(stored, rows, (r) => r.itemId);
      if (diff.create.length > 0)
        await insertRows(tx, "CharacterAsset", {
          data: diff.create.map((row) => ({ characterId, ...row })),
          skipDuplicates: true,
        });
      for (const { itemId, ...row } of diff.update) {
        await tx.characterAsset.update({ where: { characterId_itemId: { characterId, itemId } }, data: row });
      }
      const locationIds = [...new Set(rows.flatMap((r) => (r.locationId === null ? [] : [r.locationId])))];
      return { written: diff.create.length + diff.update.length, locationIds };
    },
    async removeOthers({ tx, characterId }, keep) {
      const stored = await tx.characterAsset.findMany({ where: { characterId }, select: { itemId: true } });
      const gone = stored.map((r) => r.itemId).filter((id) => !keep.has(id));
      let removed = 0;
      for (const batch of chunked(gone, DELETE_BATCH))
        removed += (await tx.characterAsset.deleteMany({ where: { characterId, itemId: { in: batch } } })).count;
      return removed;
    },
  },
});
