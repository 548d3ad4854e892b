// skill_queue: the training queue, replaced as a whole (positions shift whenever
// a skill finishes, so diffing by position would rewrite nearly every row anyway).
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type QueueBody = EsiSuccessBody<"get", "/characters/{character_id}/skillqueue">;

const dateOrNull = (value: string | undefined) => (value ? new Date(value) : null);

export const skillQueue = defineSection<QueueBody>({
  name: "skill_queue",
  label: "Skill queue",
  routes: ["GET /characters/{character_id}/skillqueue"],
  scopes: ["esi-skills.read_skillqueue.v1"],
  defaultStaleMinutes: 60,
  writeStrategy: "replace",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/skillqueue", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, queue) {
    const removed = await tx.characterSkillqueueEntry.deleteMany({ where: { characterId } });
    // Positions are the key; a repeated position from ESI must not abort the whole update.
    const rows = [...new Map(queue.map((e) => [e.queue_position, e])).values()].map((e) => ({
      characterId,
      queuePosition: e.queue_position,
      skillId: e.skill_id,
      finishedLevel: e.finished_level,
      startDate: dateOrNull(e.start_date),
      finishDate: dateOrNull(e.finish_date),
      levelStartSp: e.level_start_sp ?? null,
      levelEndSp: e.level_end_sp ?? null,
      trainingStartSp: e.training_start_sp ?? null,
    }));
    const created = await insertRows(tx, "CharacterSkillqueueEntry", { data: rows });
    return { written: removed.count + created.count };
  },
});
