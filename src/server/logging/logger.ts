// The process's one logger (pino): JSON lines in production, one readable line per
// entry in the demo (./text-format.ts), the secret fields of ./redact.ts redacted in
// both. Each line carries the ids of what it happened in (request, job run, character)
// from ./context.ts, so call sites log what they know and nothing more.
// Entry points configure it from the settings (src/runtime); until then it logs text at
// "info", which is what tests and scripts see.
import pino, { type DestinationStream, type Logger } from "pino";
import { currentLogContext } from "./context";
import { REDACTED, redactPaths } from "./redact";
import { textDestination } from "./text-format";

import type { LogFormat, LogLevel } from "./levels";

export type { Logger } from "pino";
export type { LogFormat, LogLevel } from "./levels";

export interface LoggingOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where lines go; stdout unless given (tests capture them). */
  destination?: DestinationStream;
}

const holder = globalThis as unknown as { __memberauditLogger?: Logger };

/** A logger writing to `options.destination` (or stdout), with the redaction list and the context ids. */
export function createLogger(options: LoggingOptions = {}): Logger {
  const format = options.format ?? "text";
  const out = options.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: options.level ?? "info",
      base: { pid: process.pid },
      redact: { paths: redactPaths(), censor: REDACTED },
      mixin: () => ({ ...currentLogContext() }),
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    format === "text" ? textDestination(out) : out,
  );
}

/** Replaces the process's logger (the runtime does it once from the settings; tests to capture lines). */
export function configureLogging(options: LoggingOptions): Logger {
  holder.__memberauditLogger = createLogger(options);
  return holder.__memberauditLogger;
}

/** The process's logger. */
export function logger(): Logger {
  holder.__memberauditLogger ??= createLogger();
  return holder.__memberauditLogger;
}

/** An error as the `err` field expects: Errors serialised with their stack, anything else as text. */
export function errorField(error: unknown): Error | string {
  return error instanceof Error ? error : String(error);
}
