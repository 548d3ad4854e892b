// How an ESI route is declared: method, path template from CCP's spec, cache age
// (the spec's x-cache-age) and a handler that returns the body. The adapter below
// does the rest (JSON body parsing, snapshot caching, 304s), so a new route is one
// table line plus a handler.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { esiError } from "../http/io";
import type { HttpMethod, Route, RouteParams } from "../http/router";
import type { Handler, SimServices } from "../services";
import { type ResponseCache, sendSnapshot } from "./cache";

export interface EsiRequest {
  readonly params: RouteParams;
  readonly query: URLSearchParams;
  /** Parsed JSON request body; undefined for GET and empty bodies. */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  readonly services: SimServices;
  /** The verified Bearer token's character, for routes with a scope. */
  readonly auth?: { readonly characterId: number; readonly scopes: readonly string[]; readonly clientId: string };
}

/** Return this instead of a bare body to add headers (X-Pages, rate-limit headers ...). */
export class EsiReply {
  constructor(
    readonly body: unknown,
    readonly headers: OutgoingHttpHeaders = {},
  ) {}
}

export interface EsiRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /** Seconds a response stays cached: the spec's x-cache-age, 0 where it declares none. */
  readonly cacheSeconds: number;
  readonly handler: (request: EsiRequest) => unknown | Promise<unknown>;
  /** ESI scope the route requires (the spec's security.OAuth2); set = a Bearer token is required. */
  readonly scope?: string;
  /** Path parameter that must equal the token's character ("character_id"), else 403 mismatch. */
  readonly characterParam?: string;
  /** Corporation roles of the spec's x-required-roles (any one suffices). */
  readonly requiredRoles?: readonly string[];
  /** X-Pages paging: the handler returns the whole array, the HTTP layer serves `page` slices of this size. */
  readonly pageSize?: number;
  /** The spec's x-rate-limit; routes without one fall under the legacy error limit. */
  readonly rateLimit?: { readonly group: string; readonly maxTokens: number; readonly windowSeconds: number };
}

// Parameters that select nothing in the simulator and must not split the cache.
const IGNORED_QUERY = new Set(["datasource", "language", "user_agent", "compatibility_date", "token"]);

function cacheKey(method: string, path: string, query: URLSearchParams, bodyText: string): string {
  const kept = [...query].filter(([name]) => !IGNORED_QUERY.has(name)).sort(([a], [b]) => a.localeCompare(b));
  return `${method} ${path}?${new URLSearchParams(kept).toString()}\n${bodyText}`;
}

function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw esiError(400, "The request body is not valid JSON");
  }
}

export function esiHandler(route: EsiRoute, cache: ResponseCache): Handler {
  return async (ctx) => {
    const body = route.method === "GET" ? undefined : parseJsonBody(await ctx.body());
    const key = cacheKey(route.method, ctx.path, ctx.url.searchParams, body === undefined ? "" : JSON.stringify(body));
    const snapshot = await cache.snapshot(key, route.cacheSeconds, async () => {
      const result = await route.handler({
        params: ctx.params,
        query: ctx.url.searchParams,
        body,
        headers: ctx.req.headers,
        services: ctx.services,
      });
      return result instanceof EsiReply ? { body: result.body, headers: result.headers } : { body: result };
    });
    sendSnapshot(ctx.req, ctx.res, snapshot, ctx.services.clock.now());
  };
}

export function toHttpRoutes(routes: readonly EsiRoute[], cache: ResponseCache): Route<Handler>[] {
  return routes.map((route) => ({ method: route.method, path: route.path, handler: esiHandler(route, cache) }));
}

/** A path id such as {character_id}: a positive integer, else 400. */
export function idParam(params: RouteParams, name: string): number {
  const raw = params[name] ?? "";
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) throw esiError(400, `Invalid ${name}: must be a positive integer`);
  return value;
}

/** A JSON body of distinct integer ids, as affiliation and universe/names take. */
export function idListBody(body: unknown, maxItems: number): number[] {
  if (!Array.isArray(body)) throw esiError(400, "The request body must be a JSON array of integer IDs");
  if (body.length < 1 || body.length > maxItems) throw esiError(400, `The request body must contain between 1 and ${maxItems} IDs`);
  if (!body.every((id) => typeof id === "number" && Number.isSafeInteger(id) && id > 0)) {
    throw esiError(400, "Every ID must be a positive integer");
  }
  if (new Set(body).size !== body.length) throw esiError(400, "IDs must be unique");
  return body as number[];
}
