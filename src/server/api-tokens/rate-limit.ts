// The per-token rate limit: a token bucket per token, in this process's memory. Each
// process limits on its own (a deployment with N web processes allows N times the
// rate), the price of not touching the database on every call (docs/api.md).
import { AppError } from "~/server/errors/app-error";

export interface RateLimiter {
  /** Take one request from the token's bucket; throws RATE_LIMITED with the seconds to wait. */
  take(tokenId: string, now?: number): void;
}

export function createRateLimiter(perMinute: number, burst = perMinute): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return {
    take(tokenId, now = Date.now()) {
      const bucket = buckets.get(tokenId) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * refillPerMs);
      bucket.at = now;
      buckets.set(tokenId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
      throw new AppError("RATE_LIMITED", `Too many requests with this token; try again in ${retryAfterSeconds} s.`, {
        reason: "token-rate-limit",
        retryAfterSeconds,
      });
    },
  };
}

export const DEFAULT_TOKEN_RATE_PER_MINUTE = 120;
