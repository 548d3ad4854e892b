// How an ESI route is declared: method, path template from CCP's spec, cache age
// (the spec's x-cache-age), the spec's security and limits, and a handler that
// returns the body. The gateway (../gateway) does the rest (auth, limits, faults,
// snapshot caching, paging, 304s), so a new route is one table line plus a handler.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { esiError } from "../http/io";
import type { HttpMethod, RouteParams } from "../http/router";
import type { SimServices } from "../services";

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

/**
 * Return this instead of a bare body to add headers or answer a write with 201/204
 * (`body` undefined sends none). Paging, cache and limit headers come from the gateway.
 */
export class EsiReply {
  constructor(
    readonly body: unknown,
    readonly headers: OutgoingHttpHeaders = {},
    readonly status: 200 | 201 | 204 = 200,
  ) {}
}

export interface EsiRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /** Seconds a response stays cached: the spec's x-cache-age, 0 where it declares none. */
  readonly cacheSeconds: number;
  /** "HH:MM" UTC for static data that "expires daily at 11:05" (SPEC2); replaces cacheSeconds. */
  readonly expiresDailyAt?: string;
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

/** A path id such as {character_id}: a positive integer, else 400. */
export function idParam(params: RouteParams, name: string): number {
  const raw = params[name] ?? "";
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1)
    throw esiError(400, `Invalid ${name}: must be a positive integer`);
  return value;
}

/** What a lookup by path id found, else 404 with `message`. */
export function lookup<T>(found: T | undefined, message: string): T {
  if (found === undefined) throw esiError(404, message);
  return found;
}

/** A JSON body of distinct integer ids, as affiliation and universe/names take. */
export function idListBody(body: unknown, maxItems: number): number[] {
  if (!Array.isArray(body)) throw esiError(400, "The request body must be a JSON array of integer IDs");
  if (body.length < 1 || body.length > maxItems)
    throw esiError(400, `The request body must contain between 1 and ${maxItems} IDs`);
  if (!body.every((id) => typeof id === "number" && Number.isSafeInteger(id) && id > 0)) {
    throw esiError(400, "Every ID must be a positive integer");
  }
  if (new Set(body).size !== body.length) throw esiError(400, "IDs must be unique");
  return body as number[];
}
