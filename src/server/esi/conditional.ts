// The conditional cache: the ETag/Expires memory per request key, the "not
// expired" shortcut (no request before Expires for a caller holding the current
// version), and the memory of public bodies for callers without a store of their
// own. One GET is served here; the page and cursor walks use the same shortcut
// and memory. Separate so the cache rules read in one place, apart from the wire.
import type { CacheOptions, EsiCacheState, EsiResult, EsiUnchanged, GetOptions } from "./client-types";
import { EsiResponseInvalidError } from "./errors";
import { decode, type Exchange } from "./exchange";
import type { Lru, RememberedBody, SeenExpiry } from "./memory";
import type { EsiMetrics } from "./metrics";
import type { Prepare } from "./prepare";
import type { EsiPath } from "./types";

/** What every GET flavour uses: preparing and exchanging requests, the ETag/expiry memory, the metrics. */
export interface GetContext {
  prepare: Prepare;
  exchange: Exchange;
  seen: Lru<SeenExpiry>;
  metrics: EsiMetrics;
}

export interface GetOneContext extends GetContext {
  bodies: Lru<RememberedBody>;
  rememberPublicBodies: boolean;
}

export function cacheState(etag: string | null, expiresAtMs: number | null): EsiCacheState {
  return { etag, expiresAt: expiresAtMs === null ? null : new Date(expiresAtMs) };
}

/** The Expires rule: a caller holding the current version is told "unchanged" without a request. */
export function notExpired(
  ctx: GetContext,
  key: string,
  options: CacheOptions | undefined,
  route: string,
): EsiUnchanged | undefined {
  const { seen, metrics } = ctx;
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

export async function getOne(
  ctx: GetOneContext,
  path: string,
  options: GetOptions<EsiPath<"get">> | undefined,
  data: boolean,
): Promise<EsiResult<unknown>> {
  const { prepare, exchange, seen, bodies, metrics, rememberPublicBodies } = ctx;
  const p = prepare("GET", path, options as Record<string, unknown> | undefined);
  const publicRoute = p.op.scopes.length === 0 && rememberPublicBodies;
  const callerEtag = data ? undefined : (options?.cache?.etag ?? undefined);
  if (!data) {
    const shortcut = notExpired(ctx, p.key, options, p.op.path);
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
