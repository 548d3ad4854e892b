// The ids every log line carries where they are known: the HTTP request, the job run,
// the character. Kept in AsyncLocalStorage, so whatever runs inside a request, a run or
// a section update logs them without being handed a logger.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export interface LogContext {
  requestId?: string;
  job?: string;
  runId?: string;
  characterId?: number;
  section?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `fields` added to the surrounding context (inner values win). */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return storage.run({ ...storage.getStore(), ...defined }, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}

const SAFE_REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The caller's X-Request-Id when it looks like one (a proxy's), else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
