// implants: the active clone's implant type ids, replaced as a whole.
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type ImplantsBody = EsiSuccessBody<"get", "/characters/{character_id}/implants">;

export const implants = defineSection<ImplantsBody>({
  name: "implants",
  label: "Implants",
  routes: ["GET /characters/{character_id}/implants"],
  scopes: ["esi-clones.read_implants.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "replace",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/implants", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, typeIds) {
    const removed = await tx.characterImplant.deleteMany({ where: { characterId } });
    const rows = [...new Set(typeIds)].map((typeId) => ({ characterId, typeId }));
    const created = await insertRows(tx, "CharacterImplant", { data: rows });
    return { written: removed.count + created.count };
  },
});
