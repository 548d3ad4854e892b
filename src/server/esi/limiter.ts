// ESI's two limits, enforced before a request is sent, with state every process
// shares through PostgreSQL:
//
// - The legacy error limit (X-ESI-Error-Limit-Remain/Reset, 420): one row. A
//   request is admitted while no 420 pause is running and the errors left, minus
//   the process's requests already in flight (each could fail), stay above the
//   threshold. A 420 pauses every caller of every process until the window resets.
// - Per-group rate limits (X-Ratelimit-*, 429): one row per bucket (group +
//   character, or "public"). A request atomically reserves its expected cost
//   (UPDATE ... WHERE remaining - cost >= reserve), so processes together cannot
//   overspend. Responses teach the real remaining tokens; a 429's Retry-After
//   pauses the bucket for everyone. Unknown or nearly empty buckets are probed by
//   one request at a time instead of being guessed at.
//
// All times are the database's clock, so processes on different machines agree.
// Without a database (tests, scripts) MemoryLimiterStore applies the same rules
// inside one process.
import type { Db } from "~/server/db/client";

export interface LimiterSettings {
  /** Stop sending when the error-limit errors left (minus requests in flight) fall to this. Default 10. */
  errorLimitThreshold: number;
  /** Tokens kept in reserve per bucket: max(reserveMin, ceil(limit × reserveFraction)). */
  reserveFraction: number;
  reserveMin: number;
  /** A nearly empty bucket is re-measured by one probe request at most this often. */
  probeIntervalMs: number;
  /** No request lives longer than this; older in-flight counts and probe marks are forgotten. */
  staleMs: number;
  /** Pause after a 420 or 429 that does not say for how long. */
  defaultPauseSeconds: number;
}

export const DEFAULT_LIMITER_SETTINGS: LimiterSettings = {
  errorLimitThreshold: 10,
  reserveFraction: 0.05,
  reserveMin: 5,
  probeIntervalMs: 2_000,
  staleMs: 120_000,
  defaultPauseSeconds: 60,
};

export interface BucketRef {
  key: string;
  group: string;
  subject: string;
  /** false for a route without a known group: only a 429 pause can block it. */
  metered: boolean;
}

export interface Ticket {
  /** Database time of admission; responses to requests sent after a sync are newer than that sync. */
  sentAtMs: number;
  bucket: BucketRef | undefined;
  reserved: number;
  probe: boolean;
}

export type Admission =
  | { kind: "go"; ticket: Ticket }
  | {
      kind: "blocked";
      limit: "error-limit" | "rate-limit";
      bucket: string | undefined;
      /** "paused": 420/429 pause; "budget": too few errors/tokens left; "probe": another request is measuring the bucket. */
      reason: "paused" | "budget" | "probe";
      nowMs: number;
      untilMs: number;
    };

export interface LimitOutcome {
  /** HTTP status; 0 when no response arrived. */
  status: number;
  errorLimit?: { remain: number; resetSeconds: number };
  rate?: { group: string; limit?: number; windowSeconds?: number; remaining?: number; used?: number };
  retryAfterSeconds?: number;
}

export interface LimiterStore {
  admit(bucket: BucketRef | undefined, cost: number): Promise<Admission>;
  settle(ticket: Ticket, outcome: LimitOutcome, bucket: BucketRef | undefined): Promise<void>;
  /** Route → group mappings learned by any process. */
  learnedGroups(): Promise<Map<string, string>>;
  learnGroup(route: string, group: string): Promise<void>;
}

/** Tokens a response costs (CCP: 2xx 2, 3xx 1, 4xx 5, 429 and 5xx nothing). */
export function tokenCost(status: number): number {
  if (status >= 200 && status < 300) return 2;
  if (status >= 300 && status < 400) return 1;
  if (status === 429) return 0;
  if (status >= 400 && status < 500) return 5;
  return 0;
}

function isError(status: number): boolean {
  return status === 0 || status >= 400;
}

// ---- PostgreSQL ------------------------------------------------------------------------

const GLOBAL = 1;

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
      await this.settleBucket(own, ticket, outcome, pause429);
      return;
    }
    // Reserved on a bucket the response disowned: give the reservation back.
    if (own?.metered) await this.settleBucket(own, ticket, { status: 0 }, null, true);
    if (rate && bucket && learnedKey) {
      const target: BucketRef = { key: learnedKey, group: rate.group, subject: bucket.subject, metered: true };
      await this.db.$executeRaw`
        INSERT INTO "EsiRateBucket" ("key", "group", "subject") VALUES (${target.key}, ${target.group}, ${target.subject})
        ON CONFLICT ("key") DO NOTHING`;
      await this.settleBucket(target, { ...ticket, reserved: 0, probe: false }, outcome, pause429);
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
    const pause420 = is420 ? (header?.resetSeconds ?? this.settings.defaultPauseSeconds) : null;
    const remain = header?.remain ?? null;
    const resetSeconds = header?.resetSeconds ?? null;
    const sentAt = ticket.sentAtMs;
    await this.db.$executeRaw`
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

  private async settleBucket(
    bucket: BucketRef,
    ticket: Ticket,
    outcome: LimitOutcome,
    pauseSeconds: number | null,
    refundAll = false,
  ): Promise<void> {
    if (!bucket.metered) {
      // Only a pause to record (429 on a route without a known group).
      if (pauseSeconds === null) return;
      await this.db.$executeRaw`
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
    await this.db.$executeRaw`
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
}

interface BucketStateRow {
  nowMs: number;
  limit: number | null;
  remaining: number | null;
  windowSeconds: number;
  pausedMs: number | null;
  probeMs: number | null;
  syncedMs: number | null;
  touchedMs: number;
}

/** Why a bucket refused and when to look again. */
function blockedByBucket(key: string, row: BucketStateRow, cost: number, settings: LimiterSettings): Admission {
  const { nowMs } = row;
  const base = { kind: "blocked", limit: "rate-limit", bucket: key, nowMs } as const;
  if (row.pausedMs && row.pausedMs > nowMs) return { ...base, reason: "paused", untilMs: row.pausedMs };
  const regenerated = row.limit !== null && row.touchedMs < nowMs - row.windowSeconds * 1000;
  const remaining = regenerated ? row.limit : row.remaining;
  const probeInFlight = row.probeMs !== null && row.probeMs >= nowMs - settings.staleMs;
  if (remaining === null || probeInFlight) return { ...base, reason: "probe", untilMs: nowMs };
  if (remaining - cost >= 0) {
    // Low but not empty: the next probe is due probeIntervalMs after the last measurement.
    return { ...base, reason: "budget", untilMs: Math.max(nowMs, (row.syncedMs ?? nowMs) + settings.probeIntervalMs) };
  }
  // Empty: every token spent comes back one window after it was spent.
  return { ...base, reason: "budget", untilMs: row.touchedMs + row.windowSeconds * 1000 };
}

// ---- in-process ------------------------------------------------------------------------

interface MemoryBucket {
  group: string;
  limit: number | null;
  windowSeconds: number;
  remaining: number | null;
  inFlight: number;
  probeAt: number | null;
  pausedUntil: number | null;
  syncedAt: number | null;
  touchedAt: number;
}

/** The same rules for one process, when no database is at hand. */
export class MemoryLimiterStore implements LimiterStore {
  private errors = {
    remain: null as number | null,
    resetAt: null as number | null,
    pausedUntil: null as number | null,
    inFlight: 0,
    syncedAt: null as number | null,
  };
  private buckets = new Map<string, MemoryBucket>();
  private groups = new Map<string, string>();
  private lastNow = 0;

  constructor(private readonly settings: LimiterSettings) {}

  /** Strictly increasing, so "sent after the last sync" is decidable like on the database. */
  private now(): number {
    this.lastNow = Math.max(Date.now(), this.lastNow + 0.001);
    return this.lastNow;
  }

  async admit(bucket: BucketRef | undefined, cost: number): Promise<Admission> {
    const now = this.now();
    const e = this.errors;
    if (e.resetAt !== null && e.resetAt <= now) {
      e.remain = null;
      e.resetAt = null;
    }
    if (e.pausedUntil !== null && e.pausedUntil > now) {
      return {
        kind: "blocked",
        limit: "error-limit",
        bucket: undefined,
        reason: "paused",
        nowMs: now,
        untilMs: e.pausedUntil,
      };
    }
    if (e.remain !== null && e.resetAt !== null && e.remain - e.inFlight <= this.settings.errorLimitThreshold) {
      return {
        kind: "blocked",
        limit: "error-limit",
        bucket: undefined,
        reason: "budget",
        nowMs: now,
        untilMs: e.resetAt,
      };
    }
    if (bucket) {
      let b = this.buckets.get(bucket.key);
      if (!bucket.metered) {
        if (b?.pausedUntil && b.pausedUntil > now) {
          return {
            kind: "blocked",
            limit: "rate-limit",
            bucket: bucket.key,
            reason: "paused",
            nowMs: now,
            untilMs: b.pausedUntil,
          };
        }
      } else {
        if (!b) {
          const known = [...this.buckets.values()].find((x) => x.group === bucket.group && x.limit !== null);
          b = {
            group: bucket.group,
            limit: known?.limit ?? null,
            windowSeconds: known?.windowSeconds ?? 900,
            remaining: known?.limit ?? null,
            inFlight: 0,
            probeAt: null,
            pausedUntil: null,
            syncedAt: null,
            touchedAt: now,
          };
          this.buckets.set(bucket.key, b);
        }
        if (b.limit !== null && b.touchedAt < now - b.windowSeconds * 1000) b.remaining = b.limit;
        if (b.touchedAt < now - this.settings.staleMs) b.inFlight = 0;
        const reserve = Math.max(this.settings.reserveMin, Math.ceil((b.limit ?? 0) * this.settings.reserveFraction));
        const open = b.pausedUntil === null || b.pausedUntil <= now;
        const probeFree = b.probeAt === null || b.probeAt < now - this.settings.staleMs;
        const probeDue = b.syncedAt === null || b.syncedAt < now - this.settings.probeIntervalMs;
        const normal = open && b.remaining !== null && b.remaining - cost >= reserve;
        const probe = open && probeFree && (b.remaining === null || (b.remaining - cost >= 0 && probeDue));
        if (!normal && !probe) {
          return blockedByBucket(
            bucket.key,
            {
              nowMs: now,
              limit: b.limit,
              remaining: b.remaining,
              windowSeconds: b.windowSeconds,
              pausedMs: b.pausedUntil,
              probeMs: b.probeAt,
              syncedMs: b.syncedAt,
              touchedMs: b.touchedAt,
            },
            cost,
            this.settings,
          );
        }
        if (b.remaining !== null) b.remaining -= cost;
        b.inFlight += cost;
        if (!normal) b.probeAt = now;
        b.touchedAt = now;
        e.inFlight += 1;
        return { kind: "go", ticket: { sentAtMs: now, bucket, reserved: cost, probe: !normal } };
      }
    }
    e.inFlight += 1;
    return { kind: "go", ticket: { sentAtMs: now, bucket, reserved: 0, probe: false } };
  }

  async settle(ticket: Ticket, outcome: LimitOutcome, bucket: BucketRef | undefined): Promise<void> {
    const now = this.now();
    const e = this.errors;
    const { status } = outcome;
    e.inFlight = Math.max(0, e.inFlight - 1);
    if (status === 420) {
      const seconds = outcome.errorLimit?.resetSeconds ?? this.settings.defaultPauseSeconds;
      e.pausedUntil = Math.max(e.pausedUntil ?? now, now + seconds * 1000);
      e.remain = 0;
      e.resetAt = now + seconds * 1000;
    } else if (outcome.errorLimit) {
      const fresh = e.syncedAt === null || ticket.sentAtMs > e.syncedAt;
      e.remain = fresh
        ? outcome.errorLimit.remain
        : Math.min(e.remain ?? outcome.errorLimit.remain, outcome.errorLimit.remain);
      if (fresh || e.resetAt === null) e.resetAt = now + outcome.errorLimit.resetSeconds * 1000;
      if (fresh) e.syncedAt = now;
    } else if (isError(status) && e.remain !== null && e.resetAt !== null && e.resetAt > now) {
      e.remain = Math.max(0, e.remain - 1);
    }

    const rate = outcome.rate;
    const pause429 = status === 429 ? (outcome.retryAfterSeconds ?? this.settings.defaultPauseSeconds) : null;
    const learnedKey = rate && bucket ? `${rate.group}:${bucket.subject}` : undefined;
    const apply = (
      key: string,
      group: string,
      reserved: number,
      probe: boolean,
      o: LimitOutcome,
      refundAll: boolean,
    ) => {
      let b = this.buckets.get(key);
      if (!b) {
        b = {
          group,
          limit: null,
          windowSeconds: 900,
          remaining: null,
          inFlight: 0,
          probeAt: null,
          pausedUntil: null,
          syncedAt: null,
          touchedAt: now,
        };
        this.buckets.set(key, b);
      }
      const r = o.rate;
      if (r?.limit !== undefined) b.limit = r.limit;
      if (r?.windowSeconds !== undefined) b.windowSeconds = r.windowSeconds;
      const used = refundAll ? 0 : (r?.used ?? (o.status === 0 ? reserved : tokenCost(o.status)));
      const others = Math.max(0, b.inFlight - reserved);
      if (o.status === 429) b.remaining = null;
      else if (r?.remaining === undefined) b.remaining = b.remaining === null ? null : b.remaining + reserved - used;
      else if (b.syncedAt === null || ticket.sentAtMs > b.syncedAt) {
        b.remaining = r.remaining - others;
        b.syncedAt = now;
      } else
        b.remaining = Math.min(
          b.remaining === null ? r.remaining : b.remaining + reserved - used,
          r.remaining - others,
        );
      b.inFlight = Math.max(0, b.inFlight - reserved);
      if (probe) b.probeAt = null;
      if (o.status === 429) {
        const seconds = o.retryAfterSeconds ?? this.settings.defaultPauseSeconds;
        b.pausedUntil = Math.max(b.pausedUntil ?? now, now + seconds * 1000);
      }
    };
    const own = ticket.bucket;
    if (own && (own.metered || pause429 !== null) && (!learnedKey || learnedKey === own.key)) {
      apply(own.key, own.group, ticket.reserved, ticket.probe, outcome, false);
    } else {
      if (own?.metered) apply(own.key, own.group, ticket.reserved, ticket.probe, { status: 0 }, true);
      if (rate && bucket && learnedKey) apply(learnedKey, rate.group, 0, false, outcome, false);
    }
  }

  async learnedGroups(): Promise<Map<string, string>> {
    return new Map(this.groups);
  }

  async learnGroup(route: string, group: string): Promise<void> {
    this.groups.set(route, group);
  }
}
