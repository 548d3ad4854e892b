// In-process counters for every ESI call: per route (path template) how many,
// by status, durations (total, average, p50, p99 over a bounded window of recent
// calls), bytes and cache hits; totals of 420s, 429s, retries, token refreshes and
// limiter waits; requests per minute over the last hour. The status page and the
// benchmarks read snapshot() and perMinute(); every call is also counted into the
// process's Prometheus registry (src/server/metrics/).
import { appMetrics } from "~/server/metrics/registry";

const WINDOW = 2048; // recent durations kept per route for percentiles
const MINUTES_KEPT = 60;

/** One minute of this process's ESI traffic. */
export interface MinuteCounts {
  /** The minute's start. */
  minute: Date;
  requests: number;
  notModified: number;
  errorLimited420: number;
  rateLimited429: number;
}

export type CacheOutcome = "not-modified" | "not-expired" | "memory";

export interface CallRecord {
  route: string;
  group: string | undefined;
  /** HTTP status, or 0 when no response arrived (timeout, dropped connection). */
  status: number;
  durationMs: number;
  bytes: number;
  cache?: CacheOutcome;
}

interface RouteCounters {
  group: string | undefined;
  count: number;
  byStatus: Record<string, number>;
  totalMs: number;
  bytes: number;
  fromCache: number;
  durations: Float64Array;
  next: number;
  filled: number;
}

export interface RouteSnapshot {
  route: string;
  group: string | undefined;
  count: number;
  byStatus: Record<string, number>;
  totalMs: number;
  avgMs: number;
  p50Ms: number;
  p99Ms: number;
  bytes: number;
  fromCache: number;
}

export interface EsiMetricsSnapshot {
  since: string;
  /** Requests sent (responses and transport failures), not counting cache answers. */
  requests: number;
  fromCache: number;
  notModified: number;
  notExpired: number;
  errorLimited420: number;
  rateLimited429: number;
  retries: number;
  tokenRefreshes: number;
  tokenRefreshFailures: number;
  limiterWaits: number;
  limiterWaitMs: number;
  /** Time spent reserving and settling in the limiter store (database round trips), all requests. */
  limiterMs: number;
  bytes: number;
  routes: RouteSnapshot[];
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export class EsiMetrics {
  private routes = new Map<string, RouteCounters>();
  private since = new Date();
  private minutes = new Map<number, Omit<MinuteCounts, "minute">>();
  private totals = {
    requests: 0,
    fromCache: 0,
    notModified: 0,
    notExpired: 0,
    errorLimited420: 0,
    rateLimited429: 0,
    retries: 0,
    tokenRefreshes: 0,
    tokenRefreshFailures: 0,
    limiterWaits: 0,
    limiterWaitMs: 0,
    limiterMs: 0,
    bytes: 0,
  };

  record(call: CallRecord): void {
    let counters = this.routes.get(call.route);
    if (!counters) {
      counters = {
        group: call.group,
        count: 0,
        byStatus: {},
        totalMs: 0,
        bytes: 0,
        fromCache: 0,
        durations: new Float64Array(WINDOW),
        next: 0,
        filled: 0,
      };
      this.routes.set(call.route, counters);
    }
    if (call.group) counters.group = call.group;
    counters.count += 1;
    const status = call.cache === "not-expired" || call.cache === "memory" ? call.cache : String(call.status);
    counters.byStatus[status] = (counters.byStatus[status] ?? 0) + 1;
    counters.totalMs += call.durationMs;
    counters.bytes += call.bytes;
    counters.durations[counters.next] = call.durationMs;
    counters.next = (counters.next + 1) % WINDOW;
    counters.filled = Math.min(WINDOW, counters.filled + 1);
    this.totals.bytes += call.bytes;
    if (call.cache) {
      counters.fromCache += 1;
      this.totals.fromCache += 1;
      if (call.cache === "not-modified") this.totals.notModified += 1;
      if (call.cache === "not-expired" || call.cache === "memory") this.totals.notExpired += 1;
    }
    const sent = call.cache !== "not-expired" && call.cache !== "memory";
    if (sent) this.totals.requests += 1;
    if (call.status === 420) this.totals.errorLimited420 += 1;
    if (call.status === 429) this.totals.rateLimited429 += 1;
    appMetrics().esiRequests.inc({ group: call.group ?? "none", status });
    if (sent) this.countMinute(call);
  }

  private countMinute(call: CallRecord): void {
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    let counts = this.minutes.get(minute);
    if (!counts) {
      counts = { requests: 0, notModified: 0, errorLimited420: 0, rateLimited429: 0 };
      this.minutes.set(minute, counts);
      for (const key of this.minutes.keys()) if (key <= minute - MINUTES_KEPT * 60_000) this.minutes.delete(key);
    }
    counts.requests += 1;
    if (call.cache === "not-modified") counts.notModified += 1;
    if (call.status === 420) counts.errorLimited420 += 1;
    if (call.status === 429) counts.rateLimited429 += 1;
  }

  /** The last `minutes` whole and current minutes, oldest first, quiet minutes as zeros. */
  perMinute(now = new Date(), minutes = MINUTES_KEPT): MinuteCounts[] {
    const current = Math.floor(now.getTime() / 60_000) * 60_000;
    const out: MinuteCounts[] = [];
    for (let i = Math.min(minutes, MINUTES_KEPT) - 1; i >= 0; i--) {
      const minute = current - i * 60_000;
      const counts = this.minutes.get(minute) ?? { requests: 0, notModified: 0, errorLimited420: 0, rateLimited429: 0 };
      out.push({ minute: new Date(minute), ...counts });
    }
    return out;
  }

  retry(): void {
    this.totals.retries += 1;
  }

  tokenRefresh(ok: boolean): void {
    if (ok) this.totals.tokenRefreshes += 1;
    else this.totals.tokenRefreshFailures += 1;
  }

  limiterWait(ms: number): void {
    this.totals.limiterWaits += 1;
    this.totals.limiterWaitMs += ms;
  }

  limiterTime(ms: number): void {
    this.totals.limiterMs += ms;
  }

  /** The recent request durations of every route (bounded window per route), for overall percentiles. */
  recentDurations(): number[] {
    const out: number[] = [];
    for (const c of this.routes.values()) for (let i = 0; i < c.filled; i++) out.push(c.durations[i] ?? 0);
    return out;
  }

  snapshot(): EsiMetricsSnapshot {
    const routes: RouteSnapshot[] = [];
    for (const [route, c] of this.routes) {
      const recent = c.durations.slice(0, c.filled).sort();
      routes.push({
        route,
        group: c.group,
        count: c.count,
        byStatus: { ...c.byStatus },
        totalMs: c.totalMs,
        avgMs: c.count ? c.totalMs / c.count : 0,
        p50Ms: percentile(recent, 50),
        p99Ms: percentile(recent, 99),
        bytes: c.bytes,
        fromCache: c.fromCache,
      });
    }
    routes.sort((a, b) => b.count - a.count);
    return { since: this.since.toISOString(), ...this.totals, routes };
  }

  reset(): void {
    this.routes.clear();
    this.minutes.clear();
    this.since = new Date();
    for (const key of Object.keys(this.totals) as (keyof typeof this.totals)[]) this.totals[key] = 0;
  }
}
