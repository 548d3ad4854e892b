// What one section run notes beside its data: the warnings of ESI's bodies (unknown
// enum values stored as given, list items left out), each once, and the parts of a
// multi-route section that failed while the others were stored. Both end on the
// section's status row (./run-record.ts).
import {
  type EsiWarning,
  EsiMissingScopeError,
  EsiNoTokenError,
  EsiRateLimitedError,
  EsiTokenInvalidError,
} from "~/server/esi/client";
import { warningKey } from "~/server/esi/tolerance";

/** At most this many distinct warnings are kept on a status row; the rest are counted. */
const MAX_WARNINGS = 20;

export interface RunNotes {
  warn(warning: EsiWarning): void;
  /** Runs one part; a part's own failure is noted and yields undefined (see SectionPart). */
  part<T>(name: string, run: () => Promise<T>): Promise<T | undefined>;
  warnings(): string[];
  failedParts(): string[];
}

/**
 * Failures that are not a part's own: a limit (the engine defers or pauses the run) and
 * the token (every part would fail alike) end the whole run as before.
 */
function endsTheRun(error: unknown): boolean {
  return (
    error instanceof EsiRateLimitedError ||
    error instanceof EsiTokenInvalidError ||
    error instanceof EsiNoTokenError ||
    error instanceof EsiMissingScopeError
  );
}

/** At most this many part names per error; the rest are counted. */
const MAX_NAMES = 10;

function partNames(names: string[]): string {
  const shown = names.slice(0, MAX_NAMES).join(", ");
  return names.length > MAX_NAMES ? `${shown} and ${names.length - MAX_NAMES} more` : shown;
}

export function runNotes(): RunNotes {
  const seen = new Map<string, string>();
  let extra = 0;
  // Failed part names by their error, so a hundred bodies failing alike make one line.
  const failed = new Map<string, string[]>();
  return {
    warn(warning) {
      const key = warningKey(warning);
      if (seen.has(key)) return;
      if (seen.size >= MAX_WARNINGS) {
        extra += 1;
        return;
      }
      seen.set(key, `${warning.route}: ${warning.message}`);
    },
    async part(name, run) {
      try {
        return await run();
      } catch (error) {
        if (endsTheRun(error)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        failed.set(message, [...(failed.get(message) ?? []), name]);
        return undefined;
      }
    },
    warnings: () => [...seen.values(), ...(extra > 0 ? [`and ${extra} more distinct warnings`] : [])],
    failedParts: () => [...failed].map(([message, names]) => `${partNames(names)}: ${message}`),
  };
}
