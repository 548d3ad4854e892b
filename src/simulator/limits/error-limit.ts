// CCP's legacy error limiter, which still guards every route without an
// x-rate-limit: each source IP may cause a fixed number of 4xx/5xx answers per
// window, then every ESI request from it gets 420 until the window ends. The
// window opens with the first error, so tests that count errors never straddle a
// boundary by accident.
import type { OutgoingHttpHeaders } from "node:http";
import type { SimClock } from "../clock";

/** The 420 body as CCP sends it (observed in zKillboard's error handling). */
export const ERROR_LIMITED_MESSAGE =
  "This software has exceeded the error limit for ESI. If you are a user, please contact the maintainer of this software. " +
  "If you are a developer/maintainer, please make a greater effort in the future to receive valid responses. " +
  "For tips on how, come have a chat with us in #esi on tweetfleet slack. " +
  "If you're not on tweetfleet slack yet, you can get an invite here -> https://www.fuzzwork.co.uk/tweetfleet-slack-invites/";

export interface ErrorLimitState {
  remain: number;
  resetInSeconds: number;
}

interface Window {
  readonly startMs: number;
  errors: number;
}

export class ErrorLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly windowMs: number;

  constructor(
    private readonly clock: SimClock,
    readonly limit: number,
    readonly windowSeconds: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("errorLimit must be an integer >= 1");
    if (!(windowSeconds > 0)) throw new RangeError("errorWindowSeconds must be > 0");
    this.windowMs = windowSeconds * 1000;
  }

  private current(ip: string, nowMs: number): Window | undefined {
    const window = this.windows.get(ip);
    if (window && nowMs >= window.startMs + this.windowMs) {
      this.windows.delete(ip);
      return undefined;
    }
    return window;
  }

  private open(ip: string, nowMs: number): Window {
    let window = this.current(ip, nowMs);
    if (!window) {
      window = { startMs: nowMs, errors: 0 };
      this.windows.set(ip, window);
    }
    return window;
  }

  exhausted(ip: string): boolean {
    const window = this.current(ip, this.clock.nowMs());
    return window !== undefined && window.errors >= this.limit;
  }

  recordError(ip: string): void {
    this.open(ip, this.clock.nowMs()).errors++;
  }

  /** What a 420 fault does: the rest of the window is spent. */
  exhaust(ip: string): void {
    const window = this.open(ip, this.clock.nowMs());
    window.errors = Math.max(window.errors, this.limit);
  }

  state(ip: string): ErrorLimitState {
    const nowMs = this.clock.nowMs();
    const window = this.current(ip, nowMs);
    if (!window) return { remain: this.limit, resetInSeconds: Math.ceil(this.windowSeconds) };
    return {
      remain: Math.max(0, this.limit - window.errors),
      resetInSeconds: Math.max(0, Math.ceil((window.startMs + this.windowMs - nowMs) / 1000)),
    };
  }

  /** The state of the IP closest to a 420, for stats (tests all come from one IP). */
  tightest(): ErrorLimitState {
    let result = { remain: this.limit, resetInSeconds: Math.ceil(this.windowSeconds) };
    for (const ip of [...this.windows.keys()]) {
      const state = this.state(ip);
      if (state.remain < result.remain) result = state;
    }
    return result;
  }

  headers(ip: string): OutgoingHttpHeaders {
    const { remain, resetInSeconds } = this.state(ip);
    return { "X-ESI-Error-Limit-Remain": String(remain), "X-ESI-Error-Limit-Reset": String(resetInSeconds) };
  }

  reset(): void {
    this.windows.clear();
  }
}
