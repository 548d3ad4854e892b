// The shared store's state as the status page shows it: the error-limit row and the
// buckets nearest empty. A bucket untouched for a whole window reads as full again,
// by the rule admission applies (pg-store.ts).
import type { Db } from "~/server/db/client";
import { GLOBAL } from "./pg-settle";
import type { LimiterState } from "./types";

const BUCKETS_SHOWN = 50;

export async function readPgLimiterState(db: Db): Promise<LimiterState> {
  const limit = await db.esiErrorLimit.findUnique({ where: { id: GLOBAL } });
  const now = Date.now();
  const errorLimit = {
    remain: limit?.resetAt && limit.resetAt.getTime() > now ? limit.remain : null,
    resetAt: limit?.resetAt && limit.resetAt.getTime() > now ? limit.resetAt : null,
    pausedUntil: limit?.pausedUntil && limit.pausedUntil.getTime() > now ? limit.pausedUntil : null,
  };
  const buckets = await db.$queryRaw<LimiterState["buckets"]>`
    SELECT "key", "group", "limit", "windowSeconds",
      CASE WHEN "limit" IS NOT NULL AND "touchedAt" < now() - "windowSeconds" * interval '1 second'
           THEN "limit" ELSE "remaining" END AS "remaining",
      CASE WHEN "pausedUntil" > now() THEN "pausedUntil" END AS "pausedUntil"
    FROM "EsiRateBucket"
    WHERE "limit" IS NOT NULL OR "pausedUntil" > now()
    ORDER BY ("pausedUntil" > now()) DESC NULLS LAST,
      (CASE WHEN "touchedAt" < now() - "windowSeconds" * interval '1 second' THEN "limit" ELSE "remaining" END)::float8
        / GREATEST("limit", 1) ASC NULLS LAST,
      "key"
    LIMIT ${BUCKETS_SHOWN}`;
  return { errorLimit, buckets };
}
