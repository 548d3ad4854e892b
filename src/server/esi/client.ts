// The one door to ESI. Every request names the app (User-Agent with version and
// operator contact), pins the compatibility date, goes through one keep-alive
// connection pool, passes the shared error-limit and rate-limit governor before it
// is sent, is retried within a budget when ESI or the network hiccups, and is
// measured. Responses are validated against CCP's OpenAPI document at the boundary,
// so a body that does not match is a typed error, never a crash. Caching follows
// ESI's contract: ETag/If-None-Match (304 → "unchanged", the caller writes nothing)
// and Expires (no second request before it). Paged resources are walked in full
// and checked for consistency; cursor routes are followed until nothing new comes.
//
// Settings and the decisions behind them: docs/esi-client.md.
import type { Dispatcher } from "undici";
import type { Db } from "~/server/db/client";
import {
  EsiError,
  EsiInconsistentPagesError,
  EsiRateLimitedError,
  EsiResponseInvalidError,
  EsiRetryBudgetExceededError,
} from "./errors";
import { createAgent, send, TransportError, type WireResponse } from "./http";
import {
  type Admission,
  type BucketRef,
  DEFAULT_LIMITER_SETTINGS,
  type LimiterSettings,
  type LimiterStore,
  type LimitOutcome,
  MemoryLimiterStore,
  PgLimiterStore,
  type Ticket,
} from "./limiter";
import { Lru, type RememberedBody, type SeenExpiry } from "./memory";
import { EsiMetrics, type EsiMetricsSnapshot } from "./metrics";
import { type OperationSpec, operationSpec, validateResponse, windowSeconds } from "./spec";
import type { TokenProvider } from "./tokens";
import type {
  EsiItem,
  EsiListPath,
  EsiMethod,
  EsiPagedPath,
  EsiPath,
  EsiPathParams,
  EsiQueryParams,
  EsiRequestBody,
  EsiSuccessBody,
} from "./types";

export * from "./errors";
export type { EsiMetricsSnapshot } from "./metrics";

/** The ESI compatibility date this app is written against (CCP's OpenAPI document of that date). */
export const ESI_COMPATIBILITY_DATE = "2026-07-17";
export const APP_NAME = "memberaudit-ts";
export const APP_VERSION = "0.1.0";

export function userAgent(contact: string | undefined): string {
  return `${APP_NAME}/${APP_VERSION}${contact ? ` (${contact})` : ""}`;
}

export type OnLimit = "wait" | "fail";

export interface RetrySettings {
  /** Attempts per request, the first included. Default 4. */
  maxAttempts: number;
  /** No retry starts later than this after the first attempt. Default 30 s. */
  maxTotalMs: number;
  /** Backoff before retry n is uniform in [d/2, d], d = min(maxDelayMs, baseDelayMs × 2^(n-1)). */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface EsiClientConfig {
  baseUrl: string;
  /** Operator contact for the User-Agent (ESI_CONTACT). */
  contact?: string;
  /** Shares limiter state with every other process through PostgreSQL; without it the limits are per process. */
  db?: Db;
  /** Required for authenticated routes. */
  tokens?: TokenProvider;
  /** Connections kept open to ESI. Default 16. */
  connections?: number;
  keepAliveTimeoutMs?: number;
  /** Per attempt (connect + headers + body). Default 20 s. */
  timeoutMs?: number;
  retry?: Partial<RetrySettings>;
  limiter?: Partial<LimiterSettings>;
  /** When a limit pauses requests: wait for the reset (default), or throw EsiRateLimitedError at once. */
  onLimit?: OnLimit;
  /** In "wait" mode, give up with EsiRateLimitedError rather than wait longer than this in total. Default 120 s. */
  maxLimitWaitMs?: number;
  /** Pages of one X-Pages walk fetched at the same time. Default 4. */
  pageConcurrency?: number;
  /** Walks of a paged resource before inconsistent Last-Modified values are an error. Default 3. */
  pageWalkAttempts?: number;
  /** Entries of the in-process ETag/expiry memory and of the public-body memory. Default 2000. */
  memoryEntries?: number;
  /** Keep bodies of public GETs until they expire and serve them to callers without validators. Default true. */
  rememberPublicBodies?: boolean;
  metrics?: EsiMetrics;
  /** Replaces the client's own Agent (tests). */
  dispatcher?: Dispatcher;
  /** Replaces the limiter state store (tests). */
  limiterStore?: LimiterStore;
}

export interface EsiCacheState {
  /** For paged walks a JSON list of the pages' ETags; store it as given and pass it back. */
  etag: string | null;
  /** Not before this (local clock) will ESI have anything new. */
  expiresAt: Date | null;
}

export interface EsiOk<T> {
  status: "ok";
  data: T;
  cache: EsiCacheState;
  lastModified: Date | null;
  /** Pages fetched (X-Pages walks and cursor walks), 1 otherwise. */
  pages: number;
  /** Served from the in-process public-body memory or revalidated by a 304 against it. */
  fromCache: boolean;
}

export interface EsiUnchanged {
  status: "unchanged";
  /** not-modified: ESI answered 304; not-expired: not asked, the data cannot have changed before Expires. */
  reason: "not-modified" | "not-expired";
  cache: EsiCacheState;
}

export type EsiResult<T> = EsiOk<T> | EsiUnchanged;

export interface CallOptions {
  /** Whose token to use; defaults to the path's character_id on authenticated routes. */
  characterId?: number;
  onLimit?: OnLimit;
  signal?: AbortSignal;
}

export interface CacheOptions {
  /** What the caller stored from the previous response (e.g. the section status row's etag). */
  cache?: { etag?: string | null; expiresAt?: Date | null } | null;
  /** Ask even before the known expiry. */
  force?: boolean;
}

type PathArg<M extends EsiMethod, P extends EsiPath<M>> = [EsiPathParams<M, P>] extends [never]
  ? { path?: undefined }
  : { path: EsiPathParams<M, P> };
type QueryArg<M extends EsiMethod, P extends EsiPath<M>> = [EsiQueryParams<M, P>] extends [never]
  ? { query?: undefined }
  : { query?: EsiQueryParams<M, P> };
type BodyArg<M extends EsiMethod, P extends EsiPath<M>> = [EsiRequestBody<M, P>] extends [never]
  ? { body?: undefined }
  : undefined extends EsiRequestBody<M, P>
    ? { body?: EsiRequestBody<M, P> }
    : { body: EsiRequestBody<M, P> };

export type GetOptions<P extends EsiPath<"get">> = PathArg<"get", P> & QueryArg<"get", P> & CallOptions & CacheOptions;
export type PagedOptions<P extends EsiPagedPath> = PathArg<"get", P> & {
  query?: Omit<EsiQueryParams<"get", P>, "page">;
} & CallOptions &
  CacheOptions;
export type CursorOptions<P extends EsiListPath> = PathArg<"get", P> &
  QueryArg<"get", P> &
  CallOptions &
  CacheOptions & {
    /** Stop once a page reaches ids at or below this (already stored): incremental updates. */
    stopAtId?: number;
    /** Upper bound of pages followed. Default 200. */
    maxPages?: number;
  };
export type WriteOptions<M extends "post" | "put" | "delete", P extends EsiPath<M>> = PathArg<M, P> &
  QueryArg<M, P> &
  BodyArg<M, P> &
  CallOptions & {
    /** Retry 502/503/504 and timeouts; default true for lookups (affiliation, names, ids, locations), false otherwise. */
    idempotent?: boolean;
  };

/** Options are optional exactly when the path has no parameters. */
type Args<M extends EsiMethod, P extends EsiPath<M>, O> = [EsiPathParams<M, P>] extends [never]
  ? [options?: O]
  : [options: O];

export interface EsiClient {
  /** One GET (one page when `query.page` is given). */
  get<P extends EsiPath<"get">>(
    path: P,
    ...args: Args<"get", P, GetOptions<P>>
  ): Promise<EsiResult<EsiSuccessBody<"get", P>>>;
  /** One GET without validators: always data (from the public memory or ESI). */
  getData<P extends EsiPath<"get">>(path: P, ...args: Args<"get", P, GetOptions<P>>): Promise<EsiSuccessBody<"get", P>>;
  /** Every page of an X-Pages resource, consistent (one Last-Modified), concatenated. */
  getPages<P extends EsiPagedPath>(
    path: P,
    ...args: Args<"get", P, PagedOptions<P>>
  ): Promise<EsiResult<EsiItem<"get", P>[]>>;
  /** A from_id / last_mail_id / from_event resource followed backwards until nothing new comes. */
  getByCursor<P extends EsiListPath>(
    path: P,
    ...args: Args<"get", P, CursorOptions<P>>
  ): Promise<EsiResult<EsiItem<"get", P>[]>>;
  post<P extends EsiPath<"post">>(
    path: P,
    ...args: Args<"post", P, WriteOptions<"post", P>>
  ): Promise<EsiSuccessBody<"post", P>>;
  put<P extends EsiPath<"put">>(
    path: P,
    ...args: Args<"put", P, WriteOptions<"put", P>>
  ): Promise<EsiSuccessBody<"put", P>>;
  delete<P extends EsiPath<"delete">>(
    path: P,
    ...args: Args<"delete", P, WriteOptions<"delete", P>>
  ): Promise<EsiSuccessBody<"delete", P>>;
  snapshot(): EsiMetricsSnapshot;
  readonly metrics: EsiMetrics;
  /** Forget remembered ETags, expiries and public bodies. */
  clearMemory(): void;
  close(): Promise<void>;
}

// ---- internals ---------------------------------------------------------------------------

type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

interface Prepared {
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
}

interface Exchanged {
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** The parsed body of a 2xx (undefined for 204 and 304). */
  json: unknown;
  etag: string | null;
  expiresAtMs: number | null;
  lastModified: string | null;
  pages: number | undefined;
}

const LOOKUP_POST = /\/(affiliation|names|ids|locations)$/;
const RETRYABLE = new Set([502, 503, 504]);
const PROBE_POLL_MS = 25;
/** Waits shorter than this are always waited, even by callers that asked to fail fast. */
const SHORT_WAIT_MS = 50;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function numberHeader(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function errorMessage(body: Buffer, status: number): string {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { error?: unknown };
    if (typeof parsed.error === "string") return parsed.error;
  } catch {
    // not JSON
  }
  return `HTTP ${status}`;
}

/** What the limiter learns from a response's headers. */
function limitOutcome(status: number, headers: Record<string, string | undefined>): LimitOutcome {
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
function expiresAtMs(headers: Record<string, string | undefined>, receivedAtMs: number): number | null {
  const expires = Date.parse(headers.expires ?? "");
  if (!Number.isFinite(expires)) return null;
  const date = Date.parse(headers.date ?? "");
  const ttl = expires - (Number.isFinite(date) ? date : receivedAtMs);
  return receivedAtMs + Math.max(0, ttl);
}

function parseCompositeEtag(etag: string | null | undefined): string[] | undefined {
  if (!etag) return undefined;
  if (etag.startsWith("[")) {
    try {
      const list = JSON.parse(etag) as unknown;
      if (Array.isArray(list) && list.every((e) => typeof e === "string")) return list as string[];
    } catch {
      return undefined;
    }
    return undefined;
  }
  return [etag];
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

class PagesChanged extends Error {}

/** Counting semaphore: at most `size` holders; acquire() resolves with the release function. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
  }
}

export function createEsiClient(config: EsiClientConfig): EsiClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? 20_000;
  const retry: RetrySettings = {
    maxAttempts: 4,
    maxTotalMs: 30_000,
    baseDelayMs: 250,
    maxDelayMs: 5_000,
    ...config.retry,
  };
  const limiterSettings: LimiterSettings = {
    ...DEFAULT_LIMITER_SETTINGS,
    staleMs: Math.max(DEFAULT_LIMITER_SETTINGS.staleMs, 2 * timeoutMs),
    ...config.limiter,
  };
  const onLimitDefault = config.onLimit ?? "wait";
  const maxLimitWaitMs = config.maxLimitWaitMs ?? 120_000;
  const pageConcurrency = Math.max(1, config.pageConcurrency ?? 4);
  const pageWalkAttempts = Math.max(1, config.pageWalkAttempts ?? 3);
  const memoryEntries = Math.max(1, config.memoryEntries ?? 2000);
  const rememberPublicBodies = config.rememberPublicBodies ?? true;
  const metrics = config.metrics ?? new EsiMetrics();
  const connections = Math.max(1, config.connections ?? 16);
  const ownAgent = config.dispatcher
    ? undefined
    : createAgent({ connections, keepAliveTimeoutMs: config.keepAliveTimeoutMs ?? 30_000, timeoutMs });
  const slots = new Slots(connections);
  const dispatcher: Dispatcher = config.dispatcher ?? ownAgent!;
  const store: LimiterStore =
    config.limiterStore ??
    (config.db ? new PgLimiterStore(config.db, limiterSettings) : new MemoryLimiterStore(limiterSettings));
  const seen = new Lru<SeenExpiry>(memoryEntries);
  const bodies = new Lru<RememberedBody>(memoryEntries);
  const baseHeaders: Record<string, string> = {
    accept: "application/json",
    "user-agent": userAgent(config.contact),
    "x-compatibility-date": ESI_COMPATIBILITY_DATE,
  };

  let learned: Promise<Map<string, string>> | undefined;
  const learnedGroups = () => (learned ??= store.learnedGroups().catch(() => new Map<string, string>()));

  async function bucketFor(op: OperationSpec, subject: string): Promise<BucketRef> {
    const route = `${op.method} ${op.path}`;
    const group = op.rateLimit?.group ?? (await learnedGroups()).get(route);
    if (group) return { key: `${group}:${subject}`, group, subject, metered: true };
    return { key: `route:${route}:${subject}`, group: `route:${route}`, subject, metered: false };
  }

  async function learn(op: OperationSpec, group: string): Promise<void> {
    const route = `${op.method} ${op.path}`;
    if (op.rateLimit?.group === group) return;
    const groups = await learnedGroups();
    if (groups.get(route) === group) return;
    groups.set(route, group);
    await store.learnGroup(route, group).catch(() => undefined);
  }

  function prepare(
    method: HttpMethod,
    path: string,
    options: Record<string, unknown> | undefined,
    extraQuery?: Record<string, unknown>,
  ): Prepared {
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
    };
  }

  function backoff(retryNumber: number): number {
    const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (retryNumber - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  /** Waits for (or refuses on) a limit pause; returns the admission ticket once the request may go. */
  async function admitted(
    p: Prepared,
    bucket: BucketRef,
    waited: { ms: number },
  ): Promise<{ ticket: Ticket; release: () => void }> {
    for (;;) {
      // Reserve only when a connection is free to send at once: queued requests would hold budget idle.
      const release = await slots.acquire();
      const t0 = performance.now();
      let admission: Admission;
      try {
        admission = await store.admit(bucket, 2);
      } catch (error) {
        release();
        throw error;
      }
      metrics.limiterTime(performance.now() - t0);
      if (admission.kind === "go") return { ticket: admission.ticket, release };
      release();
      const waitMs = Math.max(0, admission.untilMs - admission.nowMs);
      const retryAt = new Date(Date.now() + waitMs);
      const limited = () => new EsiRateLimitedError(p.op.path, retryAt, admission.limit, admission.bucket);
      // Another request is measuring the bucket, or the state moved between two reads: a short wait, in any mode.
      if (admission.reason === "probe" || waitMs < SHORT_WAIT_MS) {
        if (waited.ms > maxLimitWaitMs) throw limited();
        const pause = Math.max(PROBE_POLL_MS, Math.min(waitMs, 250));
        waited.ms += pause;
        await sleep(pause, p.signal);
        continue;
      }
      if (p.onLimit === "fail" || waited.ms + waitMs > maxLimitWaitMs) throw limited();
      metrics.limiterWait(waitMs);
      waited.ms += waitMs;
      // A little jitter so every waiting caller does not come back in the same millisecond.
      await sleep(waitMs + Math.random() * 50, p.signal);
    }
  }

  /**
   * One logical request: limiter admission, the attempt, settling the limiter,
   * metrics, and retries (5xx/timeouts with backoff, one token renewal after a 401,
   * waits for 420/429 pauses). Returns 2xx and 304 responses; throws the rest typed.
   */
  async function exchange(p: Prepared, ifNoneMatch: string | undefined): Promise<Exchanged> {
    const { op } = p;
    const started = Date.now();
    const waited = { ms: 0 };
    const bucket = await bucketFor(op, p.subject);
    if (op.scopes.length > 0 && !config.tokens)
      throw new Error(`ESI ${op.path} needs a token provider (EsiClientConfig.tokens)`);
    // Token state and scopes are checked before the limiter or the network is involved.
    let token =
      p.characterId !== undefined && config.tokens
        ? await config.tokens.accessToken(p.characterId, op.scopes, op.path)
        : undefined;
    let attempts = 0;
    let renewed = false;
    for (;;) {
      const { ticket, release } = await admitted(p, bucket, waited);
      attempts += 1;
      const headers: Record<string, string> = { ...baseHeaders };
      if (token) headers.authorization = `Bearer ${token.accessToken}`;
      if (ifNoneMatch) headers["if-none-match"] = ifNoneMatch;
      if (p.body !== undefined) headers["content-type"] = "application/json";
      let response: WireResponse | undefined;
      let failure: TransportError | undefined;
      let outcome: LimitOutcome;
      const t0 = performance.now();
      try {
        try {
          response = await send(
            dispatcher,
            { method: p.method, url: `${baseUrl}${p.target}`, headers, body: p.body, signal: p.signal },
            timeoutMs,
          );
        } catch (error) {
          if (!(error instanceof TransportError)) {
            await store.settle(ticket, { status: 0 }, bucket).catch(() => undefined);
            throw error;
          }
          failure = error;
        }
        outcome = limitOutcome(response?.status ?? 0, response?.headers ?? {});
        const t1 = performance.now();
        await store.settle(ticket, outcome, bucket);
        metrics.limiterTime(performance.now() - t1);
      } finally {
        release();
      }
      const status = response?.status ?? 0;
      const respHeaders = response?.headers ?? {};
      if (outcome.rate?.group) await learn(op, outcome.rate.group);
      metrics.record({
        route: op.path,
        group: outcome.rate?.group ?? (bucket.metered ? bucket.group : undefined),
        status,
        durationMs: response?.durationMs ?? performance.now() - t0,
        bytes: response?.body.length ?? 0,
        cache: status === 304 ? "not-modified" : undefined,
      });

      // A 2xx whose body is not JSON (cut short, a proxy's HTML page) is a transport glitch: retried like a 503.
      let unparsable: string | undefined;
      if (response && ((status >= 200 && status < 300) || status === 304)) {
        let json: unknown;
        if (status !== 204 && status !== 304) {
          try {
            json = JSON.parse(response.body.toString("utf8"));
          } catch {
            unparsable = `body is not JSON (${response.body.length} bytes)`;
          }
        }
        if (unparsable === undefined) {
          return {
            status,
            headers: respHeaders,
            body: response.body,
            json,
            etag: respHeaders.etag ?? null,
            expiresAtMs: expiresAtMs(respHeaders, Date.now()),
            lastModified: respHeaders["last-modified"] ?? null,
            pages: numberHeader(respHeaders["x-pages"]),
          };
        }
      }
      if (status === 401 && token && !renewed && p.characterId !== undefined && config.tokens) {
        renewed = true;
        token = await config.tokens.renew(p.characterId, token.accessToken, op.path);
        continue;
      }
      // The limiter recorded the pause; the next admission waits for it (or refuses).
      if (status === 420 || status === 429) {
        attempts -= 1;
        continue;
      }
      const retryable = failure !== undefined || unparsable !== undefined || RETRYABLE.has(status);
      const body = response?.body ?? Buffer.alloc(0);
      if (!retryable) throw new EsiError(status, op.path, errorMessage(body, status));
      const lastError = failure ? failure.message : (unparsable ?? `HTTP ${status}: ${errorMessage(body, status)}`);
      const giveUp = () => {
        if (unparsable !== undefined)
          return new EsiResponseInvalidError(op.path, `${unparsable} after ${attempts} attempt(s)`);
        if (failure || p.idempotent)
          return new EsiRetryBudgetExceededError(op.path, attempts, failure ? undefined : status, lastError);
        return new EsiError(status, op.path, errorMessage(body, status));
      };
      if (!p.idempotent) throw giveUp();
      const delay = backoff(attempts);
      if (attempts >= retry.maxAttempts || Date.now() - started + delay > retry.maxTotalMs) throw giveUp();
      metrics.retry();
      await sleep(delay, p.signal);
    }
  }

  /** The body checked against the operation's response schema. */
  function decode(p: Prepared, response: Exchanged): unknown {
    if (response.status === 204) return undefined;
    const problem = validateResponse(p.method, p.op.path, response.json);
    if (problem) throw new EsiResponseInvalidError(p.op.path, problem);
    return response.json;
  }

  function cacheState(etag: string | null, expiresAtMs: number | null): EsiCacheState {
    return { etag, expiresAt: expiresAtMs === null ? null : new Date(expiresAtMs) };
  }

  /** The Expires rule: a caller holding the current version is told "unchanged" without a request. */
  function notExpired(key: string, options: CacheOptions | undefined, route: string): EsiUnchanged | undefined {
    if (options?.force) return undefined;
    const etag = options?.cache?.etag ?? null;
    if (!etag) return undefined;
    const now = Date.now();
    const known = seen.get(key);
    const callerExpiry = options?.cache?.expiresAt?.getTime() ?? 0;
    let expiry: number | undefined;
    if (known && known.etag === etag && known.expiresAtMs > now) expiry = known.expiresAtMs;
    else if (callerExpiry > now) expiry = callerExpiry;
    if (expiry === undefined) return undefined;
    metrics.record({ route, group: undefined, status: 0, durationMs: 0, bytes: 0, cache: "not-expired" });
    return { status: "unchanged", reason: "not-expired", cache: cacheState(etag, expiry) };
  }

  async function getOne(
    path: string,
    options: GetOptions<EsiPath<"get">> | undefined,
    data: boolean,
  ): Promise<EsiResult<unknown>> {
    const p = prepare("GET", path, options as Record<string, unknown> | undefined);
    const publicRoute = p.op.scopes.length === 0 && rememberPublicBodies;
    const callerEtag = data ? undefined : (options?.cache?.etag ?? undefined);
    if (!data) {
      const shortcut = notExpired(p.key, options, p.op.path);
      if (shortcut) return shortcut;
    }
    const remembered = publicRoute && !callerEtag ? bodies.get(p.key) : undefined;
    if (remembered && remembered.expiresAtMs > Date.now() && !options?.force) {
      metrics.record({ route: p.op.path, group: undefined, status: 0, durationMs: 0, bytes: 0, cache: "memory" });
      return {
        status: "ok",
        data: remembered.data,
        cache: cacheState(remembered.etag, remembered.expiresAtMs),
        lastModified: remembered.lastModified,
        pages: 1,
        fromCache: true,
      };
    }
    const validator = callerEtag ?? remembered?.etag ?? undefined;
    const response = await exchange(p, validator);
    const etag = response.etag ?? validator ?? null;
    const expiry = response.expiresAtMs;
    if (expiry !== null) seen.set(p.key, { etag, expiresAtMs: expiry });
    if (response.status === 304) {
      if (callerEtag) return { status: "unchanged", reason: "not-modified", cache: cacheState(etag, expiry) };
      if (remembered) {
        const refreshed = { ...remembered, etag, expiresAtMs: expiry ?? Date.now() };
        bodies.set(p.key, refreshed);
        return {
          status: "ok",
          data: remembered.data,
          cache: cacheState(etag, expiry),
          lastModified: remembered.lastModified,
          pages: 1,
          fromCache: true,
        };
      }
      throw new EsiResponseInvalidError(p.op.path, "304 Not Modified to a request without validators");
    }
    const body = decode(p, response);
    const lastModified = response.lastModified ? new Date(response.lastModified) : null;
    if (publicRoute && expiry !== null)
      bodies.set(p.key, { data: body, etag, expiresAtMs: expiry, lastModified, pages: 1 });
    return {
      status: "ok",
      data: body,
      cache: cacheState(etag, expiry),
      lastModified,
      pages: response.pages ?? 1,
      fromCache: false,
    };
  }

  async function walkPages(
    path: string,
    options: PagedOptions<EsiPagedPath> | undefined,
  ): Promise<EsiResult<unknown[]>> {
    const page = (n: number) => prepare("GET", path, options as Record<string, unknown> | undefined, { page: n });
    const first = page(1);
    if (first.op.paging !== "x-pages") throw new Error(`ESI ${path} is not paged with X-Pages`);
    const walkKey = `walk ${first.key}`;
    const shortcut = notExpired(walkKey, options, first.op.path);
    if (shortcut) return shortcut;
    const stored = parseCompositeEtag(options?.cache?.etag);

    for (let walk = 1; walk <= pageWalkAttempts; walk++) {
      try {
        const head = await exchange(first, stored?.[0]);
        const count = head.pages ?? (head.status === 304 ? (stored?.length ?? 1) : 1);
        const sameShape = stored !== undefined && stored.length === count;
        const numbers = Array.from({ length: count - 1 }, (_, i) => i + 2);
        const fetchPage = async (n: number, conditional: boolean) => {
          try {
            return await exchange(page(n), conditional && sameShape ? stored?.[n - 1] : undefined);
          } catch (error) {
            // The set shrank under us: a page past the new end.
            if (error instanceof EsiError && error.status === 404) throw new PagesChanged();
            throw error;
          }
        };
        const responses = [head, ...(await mapLimit(numbers, pageConcurrency, (n) => fetchPage(n, true)))];
        const consistent = (list: Exchanged[]) =>
          new Set(list.map((r) => r.lastModified).filter((v) => v !== null)).size <= 1;
        if (!consistent(responses)) throw new PagesChanged();
        const etags = responses.map((r, i) => r.etag ?? stored?.[i] ?? "");
        const composite = JSON.stringify(etags);
        const expiries = responses.map((r) => r.expiresAtMs).filter((v): v is number => v !== null);
        const expiry = expiries.length > 0 ? Math.min(...expiries) : null;
        if (responses.every((r) => r.status === 304)) {
          if (expiry !== null) seen.set(walkKey, { etag: composite, expiresAtMs: expiry });
          return { status: "unchanged", reason: "not-modified", cache: cacheState(composite, expiry) };
        }
        // Something changed: pages answered 304 must be fetched in full after all.
        const stale = responses.map((r, i) => (r.status === 304 ? i + 1 : 0)).filter((n) => n > 0);
        const full = await mapLimit(stale, pageConcurrency, (n) => fetchPage(n, false));
        for (const [i, n] of stale.entries()) responses[n - 1] = full[i]!;
        if (!consistent(responses)) throw new PagesChanged();
        const items: unknown[] = [];
        for (const [i, response] of responses.entries()) {
          const body = decode(i === 0 ? first : page(i + 1), response);
          if (!Array.isArray(body)) throw new EsiResponseInvalidError(first.op.path, `page ${i + 1} is not a list`);
          for (const item of body) items.push(item);
        }
        const finalEtags = JSON.stringify(responses.map((r) => r.etag ?? ""));
        if (expiry !== null) seen.set(walkKey, { etag: finalEtags, expiresAtMs: expiry });
        const lastModified = responses[0]?.lastModified ? new Date(responses[0].lastModified) : null;
        return {
          status: "ok",
          data: items,
          cache: cacheState(finalEtags, expiry),
          lastModified,
          pages: count,
          fromCache: false,
        };
      } catch (error) {
        if (!(error instanceof PagesChanged)) throw error;
      }
    }
    throw new EsiInconsistentPagesError(first.op.path, pageWalkAttempts);
  }

  async function walkCursor(
    path: string,
    options: CursorOptions<EsiListPath> | undefined,
  ): Promise<EsiResult<unknown[]>> {
    const first = prepare("GET", path, options as Record<string, unknown> | undefined);
    const param = first.op.paging;
    if (param !== "from_id" && param !== "last_mail_id" && param !== "from_event")
      throw new Error(`ESI ${path} has no cursor parameter`);
    const idField = { from_id: "transaction_id", last_mail_id: "mail_id", from_event: "event_id" }[param];
    const shortcut = notExpired(first.key, options, first.op.path);
    if (shortcut) return shortcut;
    const callerEtag = options?.cache?.etag ?? undefined;
    const head = await exchange(first, callerEtag);
    const etag = head.etag ?? callerEtag ?? null;
    if (head.expiresAtMs !== null) seen.set(first.key, { etag, expiresAtMs: head.expiresAtMs });
    if (head.status === 304)
      return { status: "unchanged", reason: "not-modified", cache: cacheState(etag, head.expiresAtMs) };

    const maxPages = options?.maxPages ?? 200;
    const seenIds = new Set<number>();
    const items: unknown[] = [];
    let body = decode(first, head);
    let pages = 1;
    for (;;) {
      if (!Array.isArray(body)) throw new EsiResponseInvalidError(first.op.path, "cursor page is not a list");
      const ids = body.map((item) => Number((item as Record<string, unknown>)[idField]));
      if (ids.some((id) => !Number.isFinite(id)))
        throw new EsiResponseInvalidError(first.op.path, `an item has no numeric ${idField}`);
      const fresh = body.filter((_, i) => !seenIds.has(ids[i]!));
      if (fresh.length === 0) break;
      for (const [i, item] of body.entries()) {
        if (seenIds.has(ids[i]!)) continue;
        seenIds.add(ids[i]!);
        items.push(item);
      }
      const oldest = Math.min(...ids);
      if (options?.stopAtId !== undefined && oldest <= options.stopAtId) break;
      if (pages >= maxPages) break;
      const next = prepare("GET", path, options as Record<string, unknown> | undefined, { [param]: oldest });
      body = decode(next, await exchange(next, undefined));
      pages += 1;
    }
    const lastModified = head.lastModified ? new Date(head.lastModified) : null;
    return {
      status: "ok",
      data: items,
      cache: cacheState(etag, head.expiresAtMs),
      lastModified,
      pages,
      fromCache: false,
    };
  }

  async function write(
    method: "POST" | "PUT" | "DELETE",
    path: string,
    options: Record<string, unknown> | undefined,
  ): Promise<unknown> {
    const p = prepare(method, path, options);
    const response = await exchange(p, undefined);
    return decode(p, response);
  }

  return {
    get: ((path: string, options?: GetOptions<EsiPath<"get">>) => getOne(path, options, false)) as EsiClient["get"],
    getData: (async (path: string, options?: GetOptions<EsiPath<"get">>) => {
      const result = await getOne(path, options, true);
      if (result.status !== "ok") throw new Error("unreachable: a request without validators is never unchanged");
      return result.data;
    }) as EsiClient["getData"],
    getPages: ((path: string, options?: PagedOptions<EsiPagedPath>) =>
      walkPages(path, options)) as EsiClient["getPages"],
    getByCursor: ((path: string, options?: CursorOptions<EsiListPath>) =>
      walkCursor(path, options)) as EsiClient["getByCursor"],
    post: ((path: string, options?: Record<string, unknown>) => write("POST", path, options)) as EsiClient["post"],
    put: ((path: string, options?: Record<string, unknown>) => write("PUT", path, options)) as EsiClient["put"],
    delete: ((path: string, options?: Record<string, unknown>) =>
      write("DELETE", path, options)) as EsiClient["delete"],
    snapshot: () => metrics.snapshot(),
    metrics,
    clearMemory() {
      seen.clear();
      bodies.clear();
    },
    async close() {
      await ownAgent?.close();
    },
  };
}
