// The skill queue tab: entries in queue order with what is derived from ESI's dates
// and skill points: which entry trains now and how far it is, what is done, time left,
// and whether the queue trains, is paused (ESI then sends no dates) or is empty.
import type { Db } from "~/server/db/client";
import { typeNames } from "./name-lookups";

export type QueueEntryState = "completed" | "training" | "queued" | "paused";
export type QueueStatus = "training" | "paused" | "empty";

export interface SheetQueueEntry {
  position: number;
  skillId: number;
  skillName: string;
  finishedLevel: number;
  startDate: Date | null;
  finishDate: Date | null;
  state: QueueEntryState;
  /** Share of the level trained (0–1), for the entry in training; 1 for completed ones. */
  progress: number | null;
  /** Until the entry finishes; null when paused or done. */
  remainingMs: number | null;
  levelStartSp: number | null;
  levelEndSp: number | null;
  trainingStartSp: number | null;
}

export interface SkillQueueSheet {
  status: QueueStatus;
  entries: SheetQueueEntry[];
  /** When the last entry finishes (training only). */
  queueEndsAt: Date | null;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** How far the level is trained at `now`: SP move linearly from trainingStartSp at start to levelEndSp at finish. */
export function levelProgress(
  entry: {
    startDate: Date | null;
    finishDate: Date | null;
    levelStartSp: number | null;
    levelEndSp: number | null;
    trainingStartSp: number | null;
  },
  now: Date,
): number | null {
  const { startDate, finishDate } = entry;
  if (!startDate || !finishDate) return null;
  const span = finishDate.getTime() - startDate.getTime();
  const elapsed = span <= 0 ? 1 : clamp01((now.getTime() - startDate.getTime()) / span);
  const { levelStartSp: from, levelEndSp: to, trainingStartSp: started } = entry;
  if (from === null || to === null || to <= from) return elapsed;
  const sp = (started ?? from) + (to - (started ?? from)) * elapsed;
  return clamp01((sp - from) / (to - from));
}

export async function skillQueueSheet(db: Db, characterId: number, now: Date = new Date()): Promise<SkillQueueSheet> {
  const rows = await db.characterSkillqueueEntry.findMany({
    where: { characterId },
    orderBy: { queuePosition: "asc" },
  });
  const names = await typeNames(
    db,
    rows.map((r) => r.skillId),
  );
  const paused = rows.length > 0 && rows.every((r) => !r.finishDate);
  const entries = rows.map((r): SheetQueueEntry => {
    const done = r.finishDate !== null && r.finishDate <= now;
    const training = !done && r.startDate !== null && r.finishDate !== null && r.startDate <= now;
    const state: QueueEntryState = done
      ? "completed"
      : training
        ? "training"
        : paused || !r.finishDate
          ? "paused"
          : "queued";
    return {
      position: r.queuePosition,
      skillId: r.skillId,
      skillName: names.get(r.skillId)!.name,
      finishedLevel: r.finishedLevel,
      startDate: r.startDate,
      finishDate: r.finishDate,
      state,
      progress: done ? 1 : training ? levelProgress(r, now) : null,
      remainingMs: !done && r.finishDate ? r.finishDate.getTime() - now.getTime() : null,
      levelStartSp: r.levelStartSp,
      levelEndSp: r.levelEndSp,
      trainingStartSp: r.trainingStartSp,
    };
  });
  const open = entries.filter((e) => e.state !== "completed");
  const status: QueueStatus =
    open.length === 0
      ? "empty"
      : open.some((e) => e.state === "training")
        ? "training"
        : open.every((e) => e.state === "paused")
          ? "paused"
          : "training";
  const last = open.at(-1);
  return { status, entries, queueEndsAt: status === "training" ? (last?.finishDate ?? null) : null };
}
