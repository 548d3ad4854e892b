// The section runs this process is in the middle of, so that a stopping process leaves
// none of them marked running (startedAt after finishedAt) for the status page, the
// character list and the stats to count: a run that ends part-way gives its section back
// at once, and a graceful shutdown gives back those still in a step at its deadline. The
// section's last outcome (isSuccess, finishedAt, its data) stays; the job run that goes
// back to the queue updates it again. A process killed outright leaves its marks to
// repairStuckSections (./maintenance.ts).
import type { Db } from "~/server/db/client";

const holder = globalThis as unknown as { __memberauditRunningSections?: Map<string, RunningSection> };

interface RunningSection {
  characterId: number;
  section: string;
}

function running(): Map<string, RunningSection> {
  holder.__memberauditRunningSections ??= new Map();
  return holder.__memberauditRunningSections;
}

/** Notes that this process is running `section` of `characterId`; the returned function forgets it. */
export function noteSectionRunning(characterId: number, section: string): () => void {
  const key = `${characterId}:${section}`;
  running().set(key, { characterId, section });
  return () => running().delete(key);
}

/** Clears the running mark of one section (its last outcome stays). */
export async function releaseSection(db: Db, characterId: number, section: string): Promise<number> {
  return db.$executeRaw`
    UPDATE "SectionUpdateStatus" SET "startedAt" = NULL
    WHERE "characterId" = ${characterId} AND section = ${section}
      AND "startedAt" IS NOT NULL AND ("finishedAt" IS NULL OR "finishedAt" < "startedAt")`;
}

/** Clears the running marks of every section run this process is still in; how many rows it cleared. */
export async function releaseRunningSections(db: Db): Promise<number> {
  let released = 0;
  for (const [key, { characterId, section }] of running()) {
    released += await releaseSection(db, characterId, section);
    running().delete(key);
  }
  return released;
}
