// The two statements that write a response's news into the shared rows: the
// error-limit row and a bucket row. Plain functions of the database, apart from
// PgLimiterStore, so the store's file reads as the admission and settling rules
// while these hold the SQL that applies them.
import type { Db } from "~/server/db/client";
import { tokenCost } from "./rules";
import type { BucketRef, LimitOutcome, Ticket } from "./types";

/** The id of the one error-limit row every process shares. */
export const GLOBAL = 1;

/** What a settled response says about the error limit. */
export interface ErrorLimitNews {
  sentAtMs: number;
  is420: boolean;
  /** An error that is not a 420: one error fewer left, when no header says otherwise. */
  counted: boolean;
  header: LimitOutcome["errorLimit"];
  defaultPauseSeconds: number;
}

export async function updateErrorLimitRow(db: Db, news: ErrorLimitNews): Promise<void> {
  const { is420, counted, header } = news;
  const pause420 = is420 ? (header?.resetSeconds ?? news.defaultPauseSeconds) : null;
  const remain = header?.remain ?? null;
  const resetSeconds = header?.resetSeconds ?? null;
  const sentAt = news.sentAtMs;
  await db.$executeRaw`
    UPDATE "EsiErrorLimit" SET
      "pausedUntil" = CASE WHEN ${pause420}::float8 IS NULL THEN "pausedUntil"
        ELSE GREATEST(COALESCE("pausedUntil", statement_timestamp()), statement_timestamp() + ${pause420}::float8 * interval '1 second') END,
      "remain" = CASE
        WHEN ${is420}::boolean THEN 0
        WHEN ${remain}::int IS NOT NULL AND ("syncedAt" IS NULL OR to_timestamp(${sentAt}::float8 / 1000) > "syncedAt") THEN ${remain}::int
        WHEN ${remain}::int IS NOT NULL THEN LEAST(COALESCE("remain", ${remain}::int), ${remain}::int)
        WHEN ${counted}::boolean AND "remain" IS NOT NULL AND "resetAt" > statement_timestamp() THEN GREATEST(0, "remain" - 1)
        ELSE "remain" END,
      "resetAt" = CASE
        WHEN ${is420}::boolean THEN statement_timestamp() + COALESCE(${pause420}::float8, 60) * interval '1 second'
        WHEN ${resetSeconds}::float8 IS NOT NULL AND ("syncedAt" IS NULL OR to_timestamp(${sentAt}::float8 / 1000) > "syncedAt" OR "resetAt" IS NULL)
          THEN statement_timestamp() + ${resetSeconds}::float8 * interval '1 second'
        ELSE "resetAt" END,
      "syncedAt" = CASE WHEN ${remain}::int IS NOT NULL AND ("syncedAt" IS NULL OR to_timestamp(${sentAt}::float8 / 1000) > "syncedAt")
        THEN statement_timestamp() ELSE "syncedAt" END
    WHERE "id" = ${GLOBAL}`;
}

export async function settleBucketRow(
  db: Db,
  bucket: BucketRef,
  ticket: Ticket,
  outcome: LimitOutcome,
  pauseSeconds: number | null,
  refundAll = false,
): Promise<void> {
  if (!bucket.metered) {
    // Only a pause to record (429 on a route without a known group).
    if (pauseSeconds === null) return;
    await db.$executeRaw`
      INSERT INTO "EsiRateBucket" ("key", "group", "subject", "pausedUntil")
      VALUES (${bucket.key}, ${bucket.group}, ${bucket.subject}, statement_timestamp() + ${pauseSeconds}::float8 * interval '1 second')
      ON CONFLICT ("key") DO UPDATE SET "pausedUntil" = GREATEST(COALESCE("EsiRateBucket"."pausedUntil", statement_timestamp()), EXCLUDED."pausedUntil")`;
    return;
  }
  const reserved = ticket.reserved;
  const rate = outcome.rate;
  const headerRemaining = rate?.remaining ?? null;
  // Tokens this request really cost; for no response assume the reservation was spent.
  const used = refundAll ? 0 : (rate?.used ?? (outcome.status === 0 ? reserved : tokenCost(outcome.status)));
  const is429 = outcome.status === 429;
  await db.$executeRaw`
    UPDATE "EsiRateBucket" SET
      "limit" = COALESCE(${rate?.limit ?? null}::int, "limit"),
      "windowSeconds" = COALESCE(${rate?.windowSeconds ?? null}::int, "windowSeconds"),
      "remaining" = CASE
        WHEN ${is429}::boolean THEN NULL
        WHEN ${headerRemaining}::int IS NULL THEN "remaining" + ${reserved}::int - ${used}::int
        WHEN "syncedAt" IS NULL OR to_timestamp(${ticket.sentAtMs}::float8 / 1000) > "syncedAt"
          THEN ${headerRemaining}::int - GREATEST(0, "inFlight" - ${reserved}::int)
        ELSE LEAST(COALESCE("remaining" + ${reserved}::int - ${used}::int, ${headerRemaining}::int),
                   ${headerRemaining}::int - GREATEST(0, "inFlight" - ${reserved}::int)) END,
      "syncedAt" = CASE WHEN ${headerRemaining}::int IS NOT NULL AND ("syncedAt" IS NULL OR to_timestamp(${ticket.sentAtMs}::float8 / 1000) > "syncedAt")
        THEN statement_timestamp() ELSE "syncedAt" END,
      "inFlight" = GREATEST(0, "inFlight" - ${reserved}::int),
      "probeAt" = CASE WHEN ${ticket.probe}::boolean THEN NULL ELSE "probeAt" END,
      "pausedUntil" = CASE WHEN ${pauseSeconds}::float8 IS NULL THEN "pausedUntil"
        ELSE GREATEST(COALESCE("pausedUntil", statement_timestamp()), statement_timestamp() + ${pauseSeconds}::float8 * interval '1 second') END
    WHERE "key" = ${bucket.key}`;
}
