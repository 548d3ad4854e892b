// Reading a response: what its headers tell the limiter (error limit, rate-limit
// group and tokens, Retry-After) and the cache (Expires on our clock), and the
// error message of its body. Pure functions of the wire response, apart from the
// exchange that calls them so they can be read (and trusted) on their own.
import type { LimitOutcome } from "./limiter";
import { windowSeconds } from "./spec";

export function numberHeader(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function errorMessage(body: Buffer, status: number): string {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { error?: unknown };
    if (typeof parsed.error === "string") return parsed.error;
  } catch {
    // not JSON
  }
  return `HTTP ${status}`;
}

/** What the limiter learns from a response's headers. */
export function limitOutcome(status: number, headers: Record<string, string | undefined>): LimitOutcome {
  const outcome: LimitOutcome = { status };
  const remain = numberHeader(headers["x-esi-error-limit-remain"]);
  const reset = numberHeader(headers["x-esi-error-limit-reset"]);
  if (remain !== undefined && reset !== undefined) outcome.errorLimit = { remain, resetSeconds: reset };
  const group = headers["x-ratelimit-group"];
  if (group) {
    const [max, window] = (headers["x-ratelimit-limit"] ?? "").split("/");
    outcome.rate = {
      group,
      limit: numberHeader(max),
      windowSeconds: window ? windowSeconds(window) : undefined,
      remaining: numberHeader(headers["x-ratelimit-remaining"]),
      used: numberHeader(headers["x-ratelimit-used"]),
    };
  }
  const retryAfter = headers["retry-after"];
  if (retryAfter !== undefined) {
    const seconds = numberHeader(retryAfter);
    if (seconds !== undefined) outcome.retryAfterSeconds = Math.max(0, seconds);
    else {
      const at = Date.parse(retryAfter);
      const now = Date.parse(headers.date ?? "") || Date.now();
      if (Number.isFinite(at)) outcome.retryAfterSeconds = Math.max(0, (at - now) / 1000);
    }
  }
  return outcome;
}

/** Expires on our clock: ESI's Expires - Date (its own clock) added to now. */
export function expiresAtMs(headers: Record<string, string | undefined>, receivedAtMs: number): number | null {
  const expires = Date.parse(headers.expires ?? "");
  if (!Number.isFinite(expires)) return null;
  const date = Date.parse(headers.date ?? "");
  const ttl = expires - (Number.isFinite(date) ? date : receivedAtMs);
  return receivedAtMs + Math.max(0, ttl);
}
