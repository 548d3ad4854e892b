// assets: every item the character owns, rebuilt as a tree whenever the list changed
// and written in chunks of settings.assetsChunkSize rows, each chunk its own
// transaction (and Inngest step): new items created, changed ones updated, and after
// the last chunk the items no longer listed deleted. A move costs a few writes, not a
// rewrite of the whole hangar. Custom names of ships and containers come from assets/names; the ship
// the character sits in is not part of ESI's list, so it is added as Member Audit does.
import type { EsiItem } from "~/server/esi/types";
import { currentShip, customNames, storedNames, storedShip } from "./assets-fetch";
import { type AssetItem, type AssetRow, buildAssetTree, chunked } from "./assets-tree";
import { diffRows } from "./diff-rows";
import { defineSection } from "./types";
import { insertRows } from "~/server/db/insert-rows";

/** deleteMany lists stay well below PostgreSQL's bind-parameter limit. */
const DELETE_BATCH = 10_000;
/** AssetRow as a plain record, for the row diff. */
type AssetRecord = { [K in keyof AssetRow]: AssetRow[K] };

type EsiAsset = EsiItem<"get", "/characters/{character_id}/assets">;

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
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/assets": [
      "item_id",
      "type_id",
      "quantity",
      "location_id",
      "location_type",
      "location_flag",
      "is_singleton",
      "is_blueprint_copy",
    ],
    "POST /characters/{character_id}/assets/names": ["item_id", "name"],
    "GET /characters/{character_id}/ship": ["ship_item_id", "ship_type_id", "ship_name"],
    "GET /characters/{character_id}/location": ["solar_system_id", "station_id", "structure_id"],
  },
  scopes: ["esi-assets.read_assets.v1", "esi-universe.read_structures.v1"],
  defaultStaleMinutes: 480,
  writeStrategy: "diff",
  // The list is the section; names and the current ship are parts of their own. A
  // failed part keeps its last good data (the stored names, the stored ship row) and
  // leaves no ETag, so the next run reads the list again and asks the part again.
  async fetch({ esi, db, characterId, cache, force, part }) {
    const result = await esi.getPages("/characters/{character_id}/assets", {
      path: { character_id: characterId },
      cache,
      force,
    });
    if (result.status === "unchanged") return result;
    const singletons = result.data.filter((a) => a.is_singleton).map((a) => a.item_id);
    const fetchedNames = await part("asset names", () => customNames(esi, characterId, singletons));
    const names = fetchedNames ?? (await storedNames(db, characterId, singletons));
    // Sorted so the same list always hashes the same (the engine then writes nothing).
    const items = result.data.map((a) => toItem(a, names)).sort((a, b) => a.itemId - b.itemId);
    const known = new Set(items.map((i) => i.itemId));
    const fetchedShip = await part("current ship", async () => ({ ship: await currentShip(esi, characterId, known) }));
    const ship = fetchedShip ? fetchedShip.ship : await storedShip(db, characterId, known);
    if (ship) items.push(ship);
    const complete = fetchedNames !== undefined && fetchedShip !== undefined;
    return { status: "ok", data: items, cache: complete ? result.cache : null };
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
