// standings: NPC standings (agents, NPC corporations, factions), diffed on the
// standing's source so a few changed standings cost a few writes.
import type { EsiSuccessBody } from "~/server/esi/types";
import { diffCount, diffRows } from "./diff-rows";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type StandingsBody = EsiSuccessBody<"get", "/characters/{character_id}/standings">;

export const standings = defineSection<StandingsBody>({
  name: "standings",
  label: "Standings",
  routes: ["GET /characters/{character_id}/standings"],
  scopes: ["esi-characters.read_standings.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "diff",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/standings", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const stored = await tx.characterStanding.findMany({
      where: { characterId },
      select: { fromId: true, fromType: true, standing: true },
    });
    const incoming = body.map((s) => ({ fromId: s.from_id, fromType: s.from_type, standing: s.standing }));
    const diff = diffRows(stored, incoming, (row) => row.fromId);
    if (diff.remove.length > 0)
      await tx.characterStanding.deleteMany({ where: { characterId, fromId: { in: diff.remove } } });
    if (diff.create.length > 0)
      await insertRows(tx, "CharacterStanding", { data: diff.create.map((row) => ({ characterId, ...row })) });
    for (const { fromId, ...fields } of diff.update) {
      await tx.characterStanding.update({ where: { characterId_fromId: { characterId, fromId } }, data: fields });
    }
    return { written: diffCount(diff), entityIds: diff.create.map((row) => row.fromId) };
  },
});
