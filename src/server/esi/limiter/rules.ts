// The rules both stores apply the same way, as pure functions: what a response
// costs, what counts against the error limit, and why a bucket refused. Kept
// apart so PostgreSQL and memory cannot drift on them.
import type { Admission, LimiterSettings } from "./types";

/** Tokens a response costs (CCP: 2xx 2, 3xx 1, 4xx 5, 429 and 5xx nothing). */
export function tokenCost(status: number): number {
  if (status >= 200 && status < 300) return 2;
  if (status >= 300 && status < 400) return 1;
  if (status === 429) return 0;
  if (status >= 400 && status < 500) return 5;
  return 0;
}

export function isError(status: number): boolean {
  return status === 0 || status >= 400;
}

export interface BucketStateRow {
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
export function blockedByBucket(key: string, row: BucketStateRow, cost: number, settings: LimiterSettings): Admission {
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
