// The gateway's last step: the route's handler behind the snapshot cache, keyed on
// what selects data (method, path, query, body, and who asks where that matters),
// with paging and 304s.
import type { IncomingMessage } from "node:http";
import { authError, type EsiAuth, type TokenCheck } from "../auth/esi-auth";
import { answerFromSnapshot, type Outcome, pageNumber, type ResponseCache } from "../esi/cache";
import { EsiReply, type EsiRoute } from "../esi/route";
import { esiError, readBody } from "../http/io";
import type { RouteParams } from "../http/router";
import type { SimServices } from "../services";

// Parameters that select nothing in the simulator and must not split the cache;
// `page` selects a slice of one snapshot.
const IGNORED_QUERY = new Set(["datasource", "language", "user_agent", "compatibility_date", "token", "page"]);

function cacheKey(
  method: string,
  path: string,
  query: URLSearchParams,
  bodyText: string,
  tokenCharacter: number | undefined,
): string {
  const kept = [...query].filter(([name]) => !IGNORED_QUERY.has(name)).sort(([a], [b]) => a.localeCompare(b));
  const who = tokenCharacter === undefined ? "" : ` as ${tokenCharacter}`;
  return `${method} ${path}?${new URLSearchParams(kept).toString()}${who}\n${bodyText}`;
}

function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw esiError(400, "The request body is not valid JSON");
  }
}

export function pathCharacter(params: RouteParams): number | undefined {
  const raw = params.character_id;
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** Seconds from `nowMs` to the next "HH:MM" UTC (a full day when it is exactly now). */
export function secondsUntilDaily(nowMs: number, at: string): number {
  const [hours = NaN, minutes = NaN] = at.split(":").map(Number);
  if (!(hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60))
    throw new Error(`expiresDailyAt must be "HH:MM", got "${at}"`);
  const dayMs = 86_400_000;
  const offsetMs = (hours * 60 + minutes) * 60_000;
  const nowSeconds = Math.floor(nowMs / 1000) * 1000;
  let next = Math.floor(nowSeconds / dayMs) * dayMs + offsetMs;
  if (next <= nowSeconds) next += dayMs;
  return (next - nowSeconds) / 1000;
}

/** One request, its route matched and its token checked. */
export interface RouteRequest {
  readonly req: IncomingMessage;
  readonly route: EsiRoute;
  readonly params: RouteParams;
  readonly path: string;
  readonly url: URL;
  readonly check: TokenCheck;
  readonly auth: EsiAuth | undefined;
}

/** The route's checks, then its answer: from the snapshot while it lasts, paged, or a 304. */
export async function cachedAnswer(
  cache: ResponseCache,
  services: SimServices,
  { req, route, params, path, url, check, auth }: RouteRequest,
): Promise<Outcome> {
  const denied = authError(route, params, check);
  if (denied) throw denied;
  const page = route.pageSize === undefined ? 1 : pageNumber(url.searchParams);
  const body = route.method === "GET" ? undefined : parseJsonBody(await readBody(req));
  // The path already names the character where there is one; elsewhere the answer may depend on who asks.
  const asCharacter = route.scope && route.characterParam === undefined ? auth?.characterId : undefined;
  const key = cacheKey(
    route.method,
    path,
    url.searchParams,
    body === undefined ? "" : JSON.stringify(body),
    asCharacter,
  );
  const cacheSeconds =
    route.expiresDailyAt === undefined
      ? route.cacheSeconds
      : secondsUntilDaily(services.clock.nowMs(), route.expiresDailyAt);
  const spec = { cacheSeconds, pageSize: route.pageSize, characterId: pathCharacter(params) ?? auth?.characterId };
  const snapshot = await cache.snapshot(key, spec, async () => {
    const result = await route.handler({
      params,
      query: url.searchParams,
      body,
      headers: req.headers,
      services,
      auth,
    });
    return result instanceof EsiReply
      ? { body: result.body, headers: result.headers, status: result.status }
      : { body: result };
  });
  return answerFromSnapshot(req.headers, snapshot, page, services.clock.now());
}
