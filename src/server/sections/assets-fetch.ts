// What the assets section asks besides the list: custom names of ships and containers
// (assets/names) and the ship the character sits in, which ESI's list leaves out and
// Member Audit adds; and, for a run where one of those calls failed, what the last
// good run stored for them.
import type { Db } from "~/server/db/client";
import { type EsiClient, EsiMissingScopeError } from "~/server/esi/client";
import { type AssetItem, chunked } from "./assets-tree";

/** ESI takes at most 1,000 ids per assets/names call; Member Audit sends 999. */
const NAMES_CHUNK = 999;
/** Capsule and its Genolution variant: "flying" a pod is not owning a ship. */
const CAPSULE_TYPE_IDS = new Set([670, 33328]);

export async function customNames(
  esi: EsiClient,
  characterId: number,
  itemIds: number[],
): Promise<Map<number, string>> {
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
export async function currentShip(
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

/** The names stored for these items: what a failed names call leaves in place. */
export async function storedNames(db: Db, characterId: number, itemIds: number[]): Promise<Map<number, string>> {
  const wanted = new Set(itemIds);
  const rows = await db.characterAsset.findMany({
    where: { characterId, name: { not: null } },
    select: { itemId: true, name: true },
  });
  return new Map(rows.filter((r) => wanted.has(Number(r.itemId))).map((r) => [Number(r.itemId), r.name!]));
}

/**
 * The ship row an earlier run added (the ship section's item, stored top-level and not
 * in ESI's list): what a failed ship or location call leaves in place.
 */
export async function storedShip(
  db: Db,
  characterId: number,
  known: ReadonlySet<number>,
): Promise<AssetItem | undefined> {
  const current = await db.characterShip.findUnique({ where: { characterId }, select: { itemId: true } });
  if (!current || known.has(Number(current.itemId))) return undefined;
  const row = await db.characterAsset.findUnique({
    where: { characterId_itemId: { characterId, itemId: current.itemId } },
  });
  if (!row || row.parentItemId !== null || row.locationId === null) return undefined;
  return {
    itemId: Number(row.itemId),
    typeId: row.typeId,
    quantity: row.quantity,
    locationId: Number(row.locationId),
    locationType: row.locationType,
    locationFlag: row.locationFlag,
    isSingleton: row.isSingleton,
    isBlueprintCopy: row.isBlueprintCopy,
    name: row.name,
  };
}
