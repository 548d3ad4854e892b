// Captures what the app's logger (src/server/logging) writes, as JSON entries and as the
// raw text, for tests that check what is logged (and what never is).
import { configureLogging, type LogLevel } from "~/server/logging/logger";

export interface LogEntry {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface CapturedLogs {
  /** Every entry so far, parsed. */
  entries: LogEntry[];
  /** Every line so far, as written. */
  raw: string[];
  /** The messages so far, each with its error's message when it has one. */
  lines(): string[];
  /** Back to the default logger (text on stdout). */
  restore(): void;
}

export function captureLogs(level: LogLevel = "debug"): CapturedLogs {
  const entries: LogEntry[] = [];
  const raw: string[] = [];
  configureLogging({
    level,
    format: "json",
    destination: {
      write(line: string) {
        raw.push(line);
        entries.push(JSON.parse(line) as LogEntry);
      },
    },
  });
  return {
    entries,
    raw,
    lines: () =>
      entries.map((e) => {
        const err = e.err as { message?: string } | string | undefined;
        const detail = typeof err === "string" ? err : err?.message;
        return detail ? `${e.msg} ${detail}` : e.msg;
      }),
    restore: () => configureLogging({}),
  };
}
