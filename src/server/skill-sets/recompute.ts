// After a skill set changes, every character's checks are recomputed (Member Audit's
// forced update_characters_skill_checks): one skill_sets update per enabled character,
// queued like any character update. If queuing fails, the status rows that
// markSkillChecksStale removed still make the next scheduled scan recompute them.
import { characterUpdate } from "@inngest-fns/events";
import type { Db } from "~/server/db/client";
import type { JobEventPayload } from "~/server/jobs/job";
import { skillSets } from "~/server/sections/skill-sets";

const BATCH = 1000; // events per send

export async function queueSkillCheckRecompute(
  db: Db,
  send: (events: JobEventPayload[]) => Promise<void>,
): Promise<number> {
  const ids = (
    await db.character.findMany({ where: { isEnabled: true }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((c) => c.id);
  for (let i = 0; i < ids.length; i += BATCH) {
    await send(
      ids.slice(i, i + BATCH).map((characterId) => ({
        name: characterUpdate.name,
        data: { characterId, sections: [skillSets.name], force: true },
      })),
    );
  }
  return ids.length;
}

/** The app's queue (Inngest or the embedded runner); a failure is logged, never the editor's problem. */
export function recomputeSkillChecksInBackground(db: Db): void {
  void queueSkillCheckRecompute(db, async (events) =>
    (await import("~/server/jobs/dispatch")).sendJobEvents(events),
  ).catch((error: unknown) =>
    console.warn(
      `could not queue skill check updates (the next scan will do them): ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
}
