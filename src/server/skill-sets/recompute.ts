// After a skill set changes, every character's checks are recomputed (Member Audit's
// forced update_characters_skill_checks): one skill_sets update per enabled character,
// queued like any character update. If queuing fails, the status rows that
// markSkillChecksStale removed still make the next scheduled scan recompute them.
import type { Db } from "~/server/db/client";
import { characterUpdate, type SendJobEvents } from "~/server/jobs/events";
import { errorField, logger } from "~/server/logging/logger";

const BATCH = 1000; // events per send

export async function queueSkillCheckRecompute(db: Db, send: SendJobEvents): Promise<number> {
  const ids = (
    await db.character.findMany({ where: { isEnabled: true }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((c) => c.id);
  for (let i = 0; i < ids.length; i += BATCH) {
    await send(
      ids.slice(i, i + BATCH).map((characterId) => ({
        name: characterUpdate.name,
        data: { characterId, sections: ["skill_sets" as const], force: true },
      })),
    );
  }
  return ids.length;
}

/** Queued in the background: a failure is logged, never the editor's problem. */
export function recomputeSkillChecksInBackground(db: Db, send: SendJobEvents): void {
  void queueSkillCheckRecompute(db, send).catch((error: unknown) =>
    logger().warn({ err: errorField(error) }, "could not queue skill check updates (the next scan will do them)"),
  );
}
