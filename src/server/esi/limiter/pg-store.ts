// The shared store: the limiter's state in two PostgreSQL tables (EsiErrorLimit,
// one row; EsiRateBucket, one row per bucket), so every process admits against
// the same budget. Separate from the memory store, which applies the same rules
// (./rules.ts) inside one process.
import type { Db } from "~/server/db/client";
import { GLOBAL, settleBucketRow, updateErrorLimitRow } from "./pg-settle";
import { readPgLimiterState } from "./pg-state";
import { blockedByBucket, isError } from "./rules";
import type { Admission, BucketRef, LimiterSettings, LimiterState, LimiterStore, LimitOutcome, Ticket } from "./types";

interface AdmitRow {
  nowMs: number;
  normal: boolean;
}

interface BlockedRow {
  nowMs: number;
  pausedMs: number | null;
  remain: number | null;
  resetMs: number | null;
  bucketExists: boolean;
  limit: number | null;
  remaining: number | null;
  windowSeconds: number | null;
  bucketPausedMs: number | null;
  probeMs: number | null;
  syncedMs: number | null;
  touchedMs: number | null;
}

/**
 * The shared store. Per request one statement admits (error-limit gate read +
 * bucket reservation) and one settles the bucket; the error-limit row is written
 * only when a response changes what is known about it (new headers, an error, a 420).
 * Requests in flight count against the error limit per process (threshold headroom
 * covers the others); against buckets they count globally (inFlight column).
 */
export class PgLimiterStore implements LimiterStore {
  /** This process's requests in flight, each a possible error. */
  private inFlight = 0;
  private globalReady = false;
  /** What this process last wrote to the error-limit row, to skip writes that change nothing. */
  private lastErrorLimit: { remain: number; resetAtMs: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly settings: LimiterSettings,
  ) {}

  private async ensureGlobal(): Promise<void> {
    if (this.globalReady) return;
    await this.db.$executeRaw`INSERT INTO "EsiErrorLimit" ("id") VALUES (${GLOBAL}) ON CONFLICT ("id") DO NOTHING`;
    this.globalReady = true;
  }

  async admit(bucket: BucketRef | undefined, cost: number): Promise<Admission> {
    await this.ensureGlobal();
    const { errorLimitThreshold: threshold, reserveFraction, reserveMin, probeIntervalMs, staleMs } = this.settings;
    const inFlight = this.inFlight;
    const metered = bucket?.metered === true;
    const key = bucket?.key ?? "";
    if (!metered) {
      // Nothing to reserve: only the error-limit gate and a 429 pause on this route can say no.
      const rows = await this.db.$queryRaw<{ nowMs: number; open: boolean }[]>`
        SELECT (extract(epoch from statement_timestamp()) * 1000)::float8 AS "nowMs",
          NOT EXISTS (
            SELECT 1 FROM "EsiErrorLimit" WHERE "id" = ${GLOBAL} AND ("pausedUntil" > statement_timestamp()
              OR ("remain" IS NOT NULL AND "resetAt" > statement_timestamp() AND "remain" - ${inFlight}::int <= ${threshold}::int))
          ) AND NOT EXISTS (
            SELECT 1 FROM "EsiRateBucket" WHERE "key" = ${key} AND "pausedUntil" > statement_timestamp()
          ) AS "open"`;
      const row = rows[0]!;
      if (row.open) return this.go(row.nowMs, bucket, 0, false);
      const blocked = await this.blocked(bucket, cost);
      // A route pause without a row cannot be; the gate closed and opened again meanwhile.
      return blocked === "missing"
        ? { kind: "blocked", limit: "rate-limit", bucket: key, reason: "probe", nowMs: row.nowMs, untilMs: row.nowMs }
        : blocked;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const rows = await this.db.$queryRaw<AdmitRow[]>`
        WITH gate AS (
          SELECT NOT EXISTS (
            SELECT 1 FROM "EsiErrorLimit" WHERE "id" = ${GLOBAL} AND ("pausedUntil" > statement_timestamp()
              OR ("remain" IS NOT NULL AND "resetAt" > statement_timestamp() AND "remain" - ${inFlight}::int <= ${threshold}::int))
          ) AS "open"
        ), cur AS (
          SELECT "key",
            CASE WHEN "limit" IS NOT NULL AND "touchedAt" < statement_timestamp() - "windowSeconds" * interval '1 second'
                 THEN "limit" ELSE "remaining" END AS rem,
            CASE WHEN "touchedAt" < statement_timestamp() - ${staleMs}::float8 * interval '1 millisecond' THEN 0 ELSE "inFlight" END AS flying,
            GREATEST(${reserveMin}::int, CEIL(COALESCE("limit", 0) * ${reserveFraction}::float8))::int AS reserve,
            ("probeAt" IS NULL OR "probeAt" < statement_timestamp() - ${staleMs}::float8 * interval '1 millisecond') AS "probeFree",
            ("syncedAt" IS NULL OR "syncedAt" < statement_timestamp() - ${probeIntervalMs}::float8 * interval '1 millisecond') AS "probeDue",
            (("pausedUntil" IS NULL OR "pausedUntil" <= statement_timestamp()) AND (SELECT "open" FROM gate)) AS "open"
          FROM "EsiRateBucket" WHERE "key" = ${key}
          FOR UPDATE
        ), decision AS (
          SELECT "key", rem, flying,
            ("open" AND rem IS NOT NULL AND rem - ${cost}::int >= reserve) AS normal,
            ("open" AND "probeFree" AND (rem IS NULL OR (rem - ${cost}::int >= 0 AND "probeDue"))) AS probe
          FROM cur
        )
        UPDATE "EsiRateBucket" AS b SET
          "remaining" = d.rem - ${cost}::int,
          "inFlight" = d.flying + ${cost}::int,
          "probeAt" = CASE WHEN d.normal THEN b."probeAt" ELSE statement_timestamp() END,
          "touchedAt" = statement_timestamp()
        FROM decision AS d
        WHERE b."key" = d."key" AND (d.normal OR d.probe)
        RETURNING d.normal AS normal, (extract(epoch from statement_timestamp()) * 1000)::float8 AS "nowMs"`;
      const row = rows[0];
      if (row) return this.go(row.nowMs, bucket, cost, !row.normal);
      const blocked = await this.blocked(bucket, cost);
      if (blocked !== "missing") return blocked;
      // First sight of this bucket: start from the group's known limit (full), else unknown (probe first).
      await this.db.$executeRaw`
        INSERT INTO "EsiRateBucket" ("key", "group", "subject", "limit", "windowSeconds", "remaining", "touchedAt")
        SELECT ${key}, ${bucket!.group}, ${bucket!.subject}, g."limit", COALESCE(g."windowSeconds", 900), g."limit", statement_timestamp()
        FROM (SELECT max("limit") AS "limit", max("windowSeconds") AS "windowSeconds"
              FROM "EsiRateBucket" WHERE "group" = ${bucket!.group} AND "limit" IS NOT NULL) AS g
        ON CONFLICT ("key") DO NOTHING`;
    }
    const nowMs = Date.now();
    return { kind: "blocked", limit: "rate-limit", bucket: key, reason: "probe", nowMs, untilMs: nowMs };
  }

  private go(nowMs: number, bucket: BucketRef | undefined, reserved: number, probe: boolean): Admission {
    this.inFlight += 1;
    return { kind: "go", ticket: { sentAtMs: nowMs, bucket, reserved, probe } };
  }

  /** Why the request may not go, and until when; "missing" when the bucket has no row yet. */
  private async blocked(bucket: BucketRef | undefined, cost: number): Promise<Admission | "missing"> {
    const key = bucket?.key ?? "";
    const rows = await this.db.$queryRaw<BlockedRow[]>`
      SELECT (extract(epoch from statement_timestamp()) * 1000)::float8 AS "nowMs",
        (extract(epoch from g."pausedUntil") * 1000)::float8 AS "pausedMs",
        g."remain",
        (extract(epoch from g."resetAt") * 1000)::float8 AS "resetMs",
        (b."key" IS NOT NULL) AS "bucketExists",
        b."limit", b."remaining", b."windowSeconds",
        (extract(epoch from b."pausedUntil") * 1000)::float8 AS "bucketPausedMs",
        (extract(epoch from b."probeAt") * 1000)::float8 AS "probeMs",
        (extract(epoch from b."syncedAt") * 1000)::float8 AS "syncedMs",
        (extract(epoch from b."touchedAt") * 1000)::float8 AS "touchedMs"
      FROM (SELECT 1) AS one
      LEFT JOIN "EsiErrorLimit" AS g ON g."id" = ${GLOBAL}
      LEFT JOIN "EsiRateBucket" AS b ON b."key" = ${key}`;
    const row = rows[0]!;
    const { nowMs } = row;
    if (row.pausedMs !== null && row.pausedMs > nowMs) {
      return {
        kind: "blocked",
        limit: "error-limit",
        bucket: undefined,
        reason: "paused",
        nowMs,
        untilMs: row.pausedMs,
      };
    }
    if (
      row.remain !== null &&
      row.resetMs !== null &&
      row.resetMs > nowMs &&
      row.remain - this.inFlight <= this.settings.errorLimitThreshold
    ) {
      return {
        kind: "blocked",
        limit: "error-limit",
        bucket: undefined,
        reason: "budget",
        nowMs,
        untilMs: row.resetMs,
      };
    }
    if (!bucket)
      return { kind: "blocked", limit: "error-limit", bucket: undefined, reason: "probe", nowMs, untilMs: nowMs };
    if (!row.bucketExists) {
      if (bucket.metered) return "missing";
      return { kind: "blocked", limit: "rate-limit", bucket: key, reason: "probe", nowMs, untilMs: nowMs };
    }
    return blockedByBucket(
      key,
      {
        nowMs,
        limit: row.limit,
        remaining: row.remaining,
        windowSeconds: row.windowSeconds ?? 900,
        pausedMs: row.bucketPausedMs,
        probeMs: row.probeMs,
        syncedMs: row.syncedMs,
        touchedMs: row.touchedMs ?? nowMs,
      },
      cost,
      this.settings,
    );
  }

  async settle(ticket: Ticket, outcome: LimitOutcome, bucket: BucketRef | undefined): Promise<void> {
    this.inFlight = Math.max(0, this.inFlight - 1);
    await this.settleErrorLimit(ticket, outcome);

    const rate = outcome.rate;
    const learnedKey = rate && bucket ? `${rate.group}:${bucket.subject}` : undefined;
    const pause429 = outcome.status === 429 ? (outcome.retryAfterSeconds ?? this.settings.defaultPauseSeconds) : null;
    const own = ticket.bucket;
    if (own && (own.metered || pause429 !== null) && (!learnedKey || learnedKey === own.key)) {
      await settleBucketRow(this.db, own, ticket, outcome, pause429);
      return;
    }
    // Reserved on a bucket the response disowned: give the reservation back.
    if (own?.metered) await settleBucketRow(this.db, own, ticket, { status: 0 }, null, true);
    if (rate && bucket && learnedKey) {
      const target: BucketRef = { key: learnedKey, group: rate.group, subject: bucket.subject, metered: true };
      await this.db.$executeRaw`
        INSERT INTO "EsiRateBucket" ("key", "group", "subject") VALUES (${target.key}, ${target.group}, ${target.subject})
        ON CONFLICT ("key") DO NOTHING`;
      await settleBucketRow(this.db, target, { ...ticket, reserved: 0, probe: false }, outcome, pause429);
    }
  }

  /** Writes the error-limit row only when the response tells something new. */
  private async settleErrorLimit(ticket: Ticket, outcome: LimitOutcome): Promise<void> {
    const { status } = outcome;
    const is420 = status === 420;
    const counted = isError(status) && !is420;
    const header = outcome.errorLimit;
    if (!is420 && !counted) {
      if (!header) return;
      const resetAtMs = Date.now() + header.resetSeconds * 1000;
      const last = this.lastErrorLimit;
      if (last && last.remain === header.remain && Math.abs(last.resetAtMs - resetAtMs) < 1500) return;
      this.lastErrorLimit = { remain: header.remain, resetAtMs };
    } else {
      this.lastErrorLimit = undefined;
    }
    await updateErrorLimitRow(this.db, {
      sentAtMs: ticket.sentAtMs,
      is420,
      counted,
      header,
      defaultPauseSeconds: this.settings.defaultPauseSeconds,
    });
  }

  async learnedGroups(): Promise<Map<string, string>> {
    const rows = await this.db.esiRouteGroup.findMany();
    return new Map(rows.map((r) => [r.route, r.group]));
  }

  async learnGroup(route: string, group: string): Promise<void> {
    await this.db.esiRouteGroup.upsert({
      where: { route },
      create: { route, group },
      update: { group, learnedAt: new Date() },
    });
  }

  state(): Promise<LimiterState> {
    return readPgLimiterState(this.db);
  }
}
