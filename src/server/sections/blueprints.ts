// blueprints: every page of the character's blueprints, replaced as a whole.
// Research levels and runs change in place and copies are consumed, so a diff
// would touch most rows whenever anything changed; the content hash already
// spares the rewrite when nothing did.
import type { EsiItem } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Blueprint = EsiItem<"get", "/characters/{character_id}/blueprints">;

/** Flags whose location_id is a station or structure; otherwise it is a container or ship (an item id). */
const PLACE_FLAGS: ReadonlySet<string> = new Set(["Hangar", "Deliveries", "AssetSafety"]);

export const blueprints = defineSection<Blueprint[]>({
  name: "blueprints",
  label: "Blueprints",
  routes: ["GET /characters/{character_id}/blueprints"],
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/blueprints": [
      "item_id",
      "type_id",
      "location_id",
      "location_flag",
      "quantity",
      "material_efficiency",
      "time_efficiency",
      "runs",
    ],
  },
  scopes: ["esi-characters.read_blueprints.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "replace",
  extra: true,
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.getPages("/characters/{character_id}/blueprints", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, list) {
    const removed = await tx.characterBlueprint.deleteMany({ where: { characterId } });
    // Pages can shift under a walk; a repeated item id must not abort the update.
    const unique = [...new Map(list.map((b) => [b.item_id, b])).values()];
    const rows = unique.map((b) => ({
      characterId,
      itemId: BigInt(b.item_id),
      typeId: b.type_id,
      locationId: BigInt(b.location_id),
      locationFlag: b.location_flag,
      quantity: b.quantity,
      materialEfficiency: b.material_efficiency,
      timeEfficiency: b.time_efficiency,
      runs: b.runs,
    }));
    const created = await insertRows(tx, "CharacterBlueprint", { data: rows });
    const locationIds = unique.filter((b) => PLACE_FLAGS.has(b.location_flag)).map((b) => BigInt(b.location_id));
    return { written: removed.count + created.count, locationIds };
  },
});
