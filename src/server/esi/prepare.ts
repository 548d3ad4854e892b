// Request preparation: an operation, a path and the caller's options become what
// is sent (path parameters filled, query sorted so equal requests look equal),
// whose token and rate-limit bucket it uses, and the key under which its ETag,
// expiry and body are remembered. Pure and on its own, so the key that caching
// relies on is decided in one place.
import type { OnLimit, WarningSink } from "./client-types";
import { type OperationSpec, operationSpec } from "./spec";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface Prepared {
  method: HttpMethod;
  op: OperationSpec;
  /** Path and query as sent, without the base URL. */
  target: string;
  /** Token subject, for authenticated routes. */
  characterId: number | undefined;
  /** Rate-limit subject: the character, or "public". */
  subject: string;
  key: string;
  body: string | undefined;
  onLimit: OnLimit;
  signal: AbortSignal | undefined;
  idempotent: boolean;
  /** Fields of the body the caller reads (see tolerance.ts); undefined: all the spec requires. */
  reads: readonly string[] | undefined;
  onWarning: WarningSink | undefined;
}

const LOOKUP_POST = /\/(affiliation|names|ids|locations)$/;

export type Prepare = (
  method: HttpMethod,
  path: string,
  options: Record<string, unknown> | undefined,
  extraQuery?: Record<string, unknown>,
) => Prepared;

/** Prepare with the client's default for what to do when a limit pauses requests. */
export function createPrepare(onLimitDefault: OnLimit): Prepare {
  return function prepare(method, path, options, extraQuery) {
    const op = operationSpec(method, path);
    const params = (options?.path ?? {}) as Record<string, unknown>;
    const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined || value === null) throw new Error(`ESI ${path}: path parameter ${name} is missing`);
      return encodeURIComponent(String(value));
    });
    const query = new URLSearchParams();
    const entries = Object.entries({ ...((options?.query ?? {}) as Record<string, unknown>), ...extraQuery }).sort(
      ([a], [b]) => a.localeCompare(b),
    );
    for (const [name, value] of entries) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const v of value) query.append(name, String(v));
      else query.set(name, String(value));
    }
    const target = query.size > 0 ? `${filled}?${query.toString()}` : filled;
    const authenticated = op.scopes.length > 0;
    const characterId = authenticated
      ? ((options?.characterId as number | undefined) ?? (params.character_id as number | undefined))
      : undefined;
    if (authenticated && characterId === undefined) throw new Error(`ESI ${path} needs a token: pass characterId`);
    const subject = characterId === undefined ? "public" : String(characterId);
    const body = options?.body === undefined ? undefined : JSON.stringify(options.body);
    return {
      method,
      op,
      target,
      characterId,
      subject,
      key: `${method} ${target} @${subject}${body === undefined ? "" : ` ${body}`}`,
      body,
      onLimit: (options?.onLimit as OnLimit | undefined) ?? onLimitDefault,
      signal: options?.signal as AbortSignal | undefined,
      idempotent:
        (options?.idempotent as boolean | undefined) ??
        (method === "GET" || (method === "POST" && LOOKUP_POST.test(path))),
      reads: options?.reads as readonly string[] | undefined,
      onWarning: options?.onWarning as WarningSink | undefined,
    };
  };
}
