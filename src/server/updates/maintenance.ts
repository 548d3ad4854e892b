// Periodic upkeep of the update machinery.
import type { Db } from "~/server/db/client";

/**
 * Runs that never finished (a worker died mid-section) leave startedAt after
 * finishedAt; after an hour they are marked failed so the next scan retries them.
 */
export async function repairStuckSections(db: Db, now: Date, olderThanMinutes = 60): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanMinutes * 60_000);
  return db.$executeRaw`
    UPDATE "SectionUpdateStatus"
    SET "isSuccess" = false, "errorMessage" = 'interrupted: the update did not finish', "finishedAt" = ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
    WHERE "startedAt" < (${cutoff.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      AND ("finishedAt" IS NULL OR "finishedAt" < "startedAt")`;
}
