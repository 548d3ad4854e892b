// next-auth's logger: by default every request with a garbage session cookie prints a
// stack (JWT_SESSION_ERROR), a cheap way for anyone to fill the disk. Errors caused by
// what a client sent are counted and printed at most once per minute per code, without
// the stack or the cookie; anything else is printed once, message only.
import type { LoggerInstance } from "next-auth";

export const CLIENT_INPUT_CODES = new Set([
  "JWT_SESSION_ERROR",
  "CLIENT_FETCH_ERROR",
  "OAUTH_CALLBACK_ERROR",
  "CALLBACK_OAUTH_ERROR",
  "SIGNIN_OAUTH_ERROR",
  "STATE_COOKIE_MISSING",
  "PKCE_COOKIE_MISSING",
]);

export interface LogSink {
  warn(line: string): void;
  error(line: string): void;
}

export function throttledAuthLogger(
  sink: LogSink = console,
  now: () => number = Date.now,
  windowMs = 60_000,
): Partial<LoggerInstance> {
  const windows = new Map<string, { since: number; count: number }>();
  return {
    error(code, metadata) {
      const message = describe(metadata);
      if (!CLIENT_INPUT_CODES.has(code)) {
        sink.error(`next-auth ${code}: ${message}`);
        return;
      }
      const w = windows.get(code);
      if (w && now() - w.since < windowMs) {
        w.count += 1;
        return;
      }
      const suppressed = w ? w.count - 1 : 0;
      windows.set(code, { since: now(), count: 1 });
      const tail = suppressed > 0 ? ` (${suppressed} more in the previous minute)` : "";
      sink.warn(`next-auth ${code}: ${message}${tail}`);
    },
    warn(code) {
      sink.warn(`next-auth warning ${code}`);
    },
    debug() {},
  };
}

function describe(metadata: unknown): string {
  const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
  const text = error instanceof Error ? error.message : typeof metadata === "string" ? metadata : "error";
  return text.split("\n")[0]!.slice(0, 200);
}
