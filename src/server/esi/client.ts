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
//
// This file is the entry point and the composition: settings with their defaults,
// then the parts, each in its own file: request preparation (prepare.ts), limiter
// admission (admission.ts), the exchange with retries and token renewal
// (exchange.ts), the conditional cache and single GETs (conditional.ts), X-Pages
// walks (pages.ts) and cursor walks (cursor.ts). The public types are in
// client-types.ts and exported from here, the one import path of the client.
import type { Dispatcher } from "undici";
import { createLimiterGate } from "./admission";
import type {
  CursorOptions,
  EsiClient,
  EsiClientConfig,
  GetOptions,
  PagedOptions,
  RetrySettings,
} from "./client-types";
import { getOne } from "./conditional";
import { walkCursor } from "./cursor";
import { createExchange, decode } from "./exchange";
import { createAgent } from "./http";
import {
  DEFAULT_LIMITER_SETTINGS,
  type LimiterSettings,
  type LimiterStore,
  MemoryLimiterStore,
  PgLimiterStore,
} from "./limiter";
import { Lru, type RememberedBody, type SeenExpiry } from "./memory";
import { EsiMetrics } from "./metrics";
import { walkPages } from "./pages";
import { createPrepare } from "./prepare";
import type { EsiListPath, EsiPagedPath, EsiPath } from "./types";

export type {
  CacheOptions,
  CallOptions,
  CursorOptions,
  EsiCacheState,
  EsiClient,
  EsiClientConfig,
  EsiOk,
  EsiResult,
  EsiUnchanged,
  EsiWarning,
  GetOptions,
  OnLimit,
  PagedOptions,
  RetrySettings,
  WarningSink,
  WriteOptions,
} from "./client-types";
export * from "./errors";
export type { EsiMetricsSnapshot } from "./metrics";
export { type ReadsByRoute, withReads } from "./with-reads";

/** The ESI compatibility date this app is written against (CCP's OpenAPI document of that date). */
export const ESI_COMPATIBILITY_DATE = "2026-07-17";
export const APP_NAME = "memberaudit-ts";
export const APP_VERSION = "0.1.0";

export function userAgent(contact: string | undefined): string {
  return `${APP_NAME}/${APP_VERSION}${contact ? ` (${contact})` : ""}`;
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

  const prepare = createPrepare(onLimitDefault);
  const gate = createLimiterGate({ store, metrics, connections, maxLimitWaitMs });
  const exchange = createExchange({
    baseUrl,
    timeoutMs,
    retry,
    baseHeaders,
    dispatcher,
    tokens: config.tokens,
    store,
    gate,
    metrics,
  });
  const ctx = { prepare, exchange, seen, bodies, metrics, rememberPublicBodies, pageConcurrency, pageWalkAttempts };

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
    get: ((path: string, options?: GetOptions<EsiPath<"get">>) =>
      getOne(ctx, path, options, false)) as EsiClient["get"],
    getData: (async (path: string, options?: GetOptions<EsiPath<"get">>) => {
      const result = await getOne(ctx, path, options, true);
      if (result.status !== "ok") throw new Error("unreachable: a request without validators is never unchanged");
      return result.data;
    }) as EsiClient["getData"],
    getPages: ((path: string, options?: PagedOptions<EsiPagedPath>) =>
      walkPages(ctx, path, options)) as EsiClient["getPages"],
    getByCursor: ((path: string, options?: CursorOptions<EsiListPath>) =>
      walkCursor(ctx, path, options)) as EsiClient["getByCursor"],
    post: ((path: string, options?: Record<string, unknown>) => write("POST", path, options)) as EsiClient["post"],
    put: ((path: string, options?: Record<string, unknown>) => write("PUT", path, options)) as EsiClient["put"],
    delete: ((path: string, options?: Record<string, unknown>) =>
      write("DELETE", path, options)) as EsiClient["delete"],
    snapshot: () => metrics.snapshot(),
    metrics,
    limiterState: async () => (store.state ? store.state() : null),
    clearMemory() {
      seen.clear();
      bodies.clear();
    },
    async close() {
      await ownAgent?.close();
    },
  };
}
