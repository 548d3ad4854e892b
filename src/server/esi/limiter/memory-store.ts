// The in-process store: the PostgreSQL store's rules applied to plain objects,
// for tests and scripts without a database. Separate from the PostgreSQL store
// because the two share only the contract and the rules, not their state.
import { blockedByBucket, isError, tokenCost } from "./rules";
import type { Admission, BucketRef, LimiterSettings, LimiterState, LimiterStore, LimitOutcome, Ticket } from "./types";

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

  async state(): Promise<LimiterState> {
    const now = Date.now();
    const e = this.errors;
    const live = (ms: number | null) => (ms !== null && ms > now ? new Date(ms) : null);
    const buckets = [...this.buckets.entries()]
      .filter(([, b]) => b.limit !== null || live(b.pausedUntil))
      .map(([key, b]) => ({
        key,
        group: b.group,
        limit: b.limit,
        windowSeconds: b.windowSeconds,
        remaining: b.limit !== null && b.touchedAt < now - b.windowSeconds * 1000 ? b.limit : b.remaining,
        pausedUntil: live(b.pausedUntil),
      }))
      .sort((a, b) => (a.remaining ?? 0) / Math.max(1, a.limit ?? 1) - (b.remaining ?? 0) / Math.max(1, b.limit ?? 1));
    const current = e.resetAt !== null && e.resetAt > now;
    return {
      errorLimit: {
        remain: current ? e.remain : null,
        resetAt: current ? new Date(e.resetAt!) : null,
        pausedUntil: live(e.pausedUntil),
      },
      buckets: buckets.slice(0, 50),
    };
  }
}
