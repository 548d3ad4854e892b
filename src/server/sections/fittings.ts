// fittings: the character's saved fittings, replaced as a whole. A fitting's items
// are only ever read together with it, so they are stored as ESI's JSON list
// rather than as rows of their own.
import type { EsiItem } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Fitting = EsiItem<"get", "/characters/{character_id}/fittings">;

export const fittings = defineSection<Fitting[]>({
  name: "fittings",
  label: "Fittings",
  routes: ["GET /characters/{character_id}/fittings"],
  scopes: ["esi-fittings.read_fittings.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "replace",
  extra: true,
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/fittings", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, list) {
    const removed = await tx.characterFitting.deleteMany({ where: { characterId } });
    const unique = [...new Map(list.map((f) => [f.fitting_id, f])).values()];
    const rows = unique.map((f) => ({
      characterId,
      fittingId: f.fitting_id,
      name: f.name,
      description: f.description,
      shipTypeId: f.ship_type_id,
      items: f.items.map((i) => ({ flag: i.flag, quantity: i.quantity, type_id: i.type_id })),
    }));
    const created = await insertRows(tx, "CharacterFitting", { data: rows });
    return { written: removed.count + created.count };
  },
});
