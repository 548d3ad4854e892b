// ESI as this install meets it: the error-limit budget and its reset, the rate-limit
// buckets nearest empty (from the limiter's store: with the shared PostgreSQL store,
// every process's; with the memory store of the embedded install, this process's), and
// this process's traffic: requests per minute, the share answered 304, 420s and 429s.
import type { EsiClient } from "~/server/esi/client";

/** A bucket is shown as near empty at or below this share of its limit, or while paused by a 429. */
export const NEAR_EMPTY_SHARE = 0.2;

export interface EsiHealthView {
  errorLimit: { remain: number | null; resetAt: Date | null; pausedUntil: Date | null } | null;
  bucketsNearEmpty: {
    key: string;
    group: string;
    limit: number | null;
    remaining: number | null;
    pausedUntil: Date | null;
  }[];
  since: string;
  requests: number;
  notModifiedShare: number | null;
  errorLimited420: number;
  rateLimited429: number;
  perMinute: { minute: Date; requests: number }[];
}

export async function readEsi(esi: EsiClient, now: Date): Promise<EsiHealthView> {
  const state = (await esi.limiterState?.().catch(() => null)) ?? null;
  const snapshot = esi.snapshot();
  const near = (state?.buckets ?? []).filter(
    (b) => b.pausedUntil || (b.limit !== null && b.remaining !== null && b.remaining <= b.limit * NEAR_EMPTY_SHARE),
  );
  return {
    errorLimit: state?.errorLimit ?? null,
    bucketsNearEmpty: near.map(({ key, group, limit, remaining, pausedUntil }) => ({
      key,
      group,
      limit,
      remaining,
      pausedUntil,
    })),
    since: snapshot.since,
    requests: snapshot.requests,
    notModifiedShare: snapshot.requests > 0 ? snapshot.notModified / snapshot.requests : null,
    errorLimited420: snapshot.errorLimited420,
    rateLimited429: snapshot.rateLimited429,
    perMinute: esi.metrics.perMinute(now, 30).map(({ minute, requests }) => ({ minute, requests })),
  };
}
