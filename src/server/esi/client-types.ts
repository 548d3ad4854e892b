// The client's public vocabulary: its configuration, the options of each call,
// what calls return, and the EsiClient interface itself. Types only, in a file of
// their own so the interface reads without the machinery, and so the parts of the
// client can share these names without importing client.ts (which imports them).
// Every name here is exported again from ./client.ts, the one import path callers use.
import type { Dispatcher } from "undici";
import type { Db } from "~/server/db/client";
import type { LimiterSettings, LimiterState, LimiterStore } from "./limiter";
import type { EsiMetrics, EsiMetricsSnapshot } from "./metrics";
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

export type OnLimit = "wait" | "fail";

/** What a tolerant check of a body let pass (./tolerance.ts). */
export interface EsiWarning {
  /** Method and path template, e.g. "GET /characters/{character_id}/assets". */
  route: string;
  kind: "unknown-enum" | "item-left-out";
  /** Dotted field path (arrays transparent), or the problem for a left-out item. */
  field: string;
  /** The unknown value, or the left-out item's position in the list. */
  value: string;
  message: string;
}

export type WarningSink = (warning: EsiWarning) => void;

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
  /**
   * The body's fields the caller reads (dotted, arrays transparent); only these of the
   * spec's required fields must be present. Default: every required field. See tolerance.ts.
   */
  reads?: readonly string[];
  /** Unknown enum values and left-out list items of this call's bodies. */
  onWarning?: WarningSink;
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
  /** The limiter's state (shared store: every process's; memory store: this process's); null if unreadable. */
  limiterState?(): Promise<LimiterState | null>;
  /** Forget remembered ETags, expiries and public bodies. */
  clearMemory(): void;
  close(): Promise<void>;
}
