// ESI's per-group rate limiter (x-rate-limit, since October 2025): a floating
// window where the tokens a response cost come back one window after they were
// spent. Buckets are per group and per user (app:character with a token, the
// source IP without), and what a request costs depends on how it was answered.
import type { OutgoingHttpHeaders } from "node:http";
import type { SimClock } from "../clock";

export const TOO_MANY_REQUESTS_MESSAGE = "Too many requests";

export interface RateLimitSpec {
  readonly group: string;
  readonly maxTokens: number;
  readonly windowSeconds: number;
}

/** CCP's costs: 2xx 2, 3xx 1, 4xx 5 (429 itself free), 5xx free. */
export function tokenCost(status: number): number {
  if (status >= 200 && status < 300) return 2;
  if (status >= 300 && status < 400) return 1;
  if (status >= 400 && status < 500 && status !== 429) return 5;
  return 0;
}

/** "15m" as CCP writes the window in X-Ratelimit-Limit. */
export function windowLabel(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

class Bucket {
  // A queue of spends, oldest first; `head` skips returned ones without shifting.
  private readonly at: number[] = [];
  private readonly tokens: number[] = [];
  private head = 0;
  used = 0;

  release(beforeMs: number): void {
    while (this.head < this.at.length && (this.at[this.head] ?? Infinity) <= beforeMs) {
      this.used -= this.tokens[this.head] ?? 0;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.at.length) {
      this.at.splice(0, this.head);
      this.tokens.splice(0, this.head);
      this.head = 0;
    }
  }

  spend(nowMs: number, tokens: number): void {
    this.at.push(nowMs);
    this.tokens.push(tokens);
    this.used += tokens;
  }

  /** Milliseconds from `nowMs` until `used` drops to `target` or below. */
  msUntilUsedAtMost(target: number, nowMs: number, windowMs: number): number {
    let used = this.used;
    for (let i = this.head; i < this.at.length && used > target; i++) {
      used -= this.tokens[i] ?? 0;
      if (used <= target) return (this.at[i] ?? nowMs) + windowMs - nowMs;
    }
    return 0;
  }
}

export interface RateLimitSubject {
  readonly spec: RateLimitSpec;
  /** `<clientId>:<characterId>` for a verified token, the client IP otherwise. */
  readonly subject: string;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: SimClock,
    private readonly scale: number,
  ) {
    if (!(scale > 0)) throw new RangeError("rateLimitScale must be > 0");
  }

  maxTokens(spec: RateLimitSpec): number {
    return Math.max(1, Math.round(spec.maxTokens * this.scale));
  }

  private bucket({ spec, subject }: RateLimitSubject, nowMs: number): Bucket {
    const key = `${spec.group}\n${subject}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new Bucket();
      this.buckets.set(key, bucket);
    }
    bucket.release(nowMs - spec.windowSeconds * 1000);
    return bucket;
  }

  remaining(target: RateLimitSubject): number {
    return Math.max(0, this.maxTokens(target.spec) - this.bucket(target, this.clock.nowMs()).used);
  }

  /** A request is let through while at least one token is left; what it costs is charged afterwards. */
  admits(target: RateLimitSubject): boolean {
    return this.remaining(target) > 0;
  }

  /** Whole seconds until at least one token is back (at least 1). */
  retryAfterSeconds(target: RateLimitSubject): number {
    const nowMs = this.clock.nowMs();
    const bucket = this.bucket(target, nowMs);
    const ms = bucket.msUntilUsedAtMost(this.maxTokens(target.spec) - 1, nowMs, target.spec.windowSeconds * 1000);
    return Math.max(1, Math.ceil(ms / 1000));
  }

  charge(target: RateLimitSubject, tokens: number): void {
    if (tokens > 0) this.bucket(target, this.clock.nowMs()).spend(this.clock.nowMs(), tokens);
  }

  headers(target: RateLimitSubject, used: number): OutgoingHttpHeaders {
    const { spec } = target;
    return {
      "X-Ratelimit-Group": spec.group,
      "X-Ratelimit-Limit": `${this.maxTokens(spec)}/${windowLabel(spec.windowSeconds)}`,
      "X-Ratelimit-Remaining": String(this.remaining(target)),
      "X-Ratelimit-Used": String(used),
    };
  }

  reset(): void {
    this.buckets.clear();
  }
}
