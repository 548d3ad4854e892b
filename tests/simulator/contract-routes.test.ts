// The simulator's ESI against CCP's contract, for every route it registers (new
// routes are covered by being registered): 200 bodies valid against the OpenAPI
// document, cache headers, X-Pages, the limiter headers the spec implies (one
// kind, never both), 304 on If-None-Match, and the error bodies of 401, 403
// (scope, character) and pages past the end. All over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiRoute } from "~/simulator/esi/route";
import { type Simulator, simulatorEsiRoutes } from "~/simulator/server";
import {
  ALL_SCOPES,
  ContractClient,
  type ContractRequest,
  MAIN_CHARACTER,
  OTHER_CHARACTER,
  specOperation,
} from "../support/sim-contract-requests";
import { validate } from "../support/esi-spec-validator";
import { CLIENT, startSimulator } from "../support/sso-flow";

/** Routes the contract tests may not exercise, each with the reason. Keep it empty. */
const EXCLUDED: Record<string, string> = {};

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const label = (route: EsiRoute) => `${route.method} ${route.path}`;
const covered = simulatorEsiRoutes.filter((route) => !(label(route) in EXCLUDED));

let sim: Simulator;
let client: ContractClient;

beforeAll(async () => {
  const started = await startSimulator();
  sim = started.sim;
  client = new ContractClient(sim, started.url, CLIENT.clientId);
});
afterAll(async () => sim?.close());

async function errorBody(response: Response, request: ContractRequest, status: number): Promise<string> {
  expect(response.status, `${label(request.route)} status`).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json; charset=UTF-8");
  limiterHeaders(response, request.route);
  const body = (await response.json()) as { error: string };
  expect(validate(request.route.method, request.route.path, status, body)).toEqual([]);
  return body.error;
}

function limiterHeaders(response: Response, route: EsiRoute) {
  const limit = specOperation(route)?.["x-rate-limit"];
  const rate = ["x-ratelimit-group", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used"].map((name) =>
    response.headers.get(name),
  );
  const errors = ["x-esi-error-limit-remain", "x-esi-error-limit-reset"].map((name) => response.headers.get(name));
  if (limit) {
    expect(rate.slice(0, 2), `${label(route)} rate-limit headers`).toEqual([
      limit.group,
      `${limit["max-tokens"]}/${limit["window-size"]}`,
    ]);
    expect(rate.slice(2).every((value) => /^\d+$/.test(value ?? ""))).toBe(true);
    expect(errors, `${label(route)} has no error-limit headers`).toEqual([null, null]);
  } else {
    expect(
      errors.every((value) => /^\d+$/.test(value ?? "")),
      `${label(route)} error-limit headers`,
    ).toBe(true);
    expect(rate, `${label(route)} has no rate-limit headers`).toEqual([null, null, null, null]);
  }
}

it("covers every registered route, and the exclusion list only names registered routes", () => {
  expect(simulatorEsiRoutes.length).toBeGreaterThan(60);
  const registered = new Set(simulatorEsiRoutes.map(label));
  for (const name of Object.keys(EXCLUDED)) expect(registered.has(name), `${name} is registered`).toBe(true);
  for (const route of simulatorEsiRoutes)
    expect(specOperation(route), `${label(route)} is in CCP's spec`).toBeDefined();
});

describe.each(covered.map((route) => [label(route), route] as const))("%s", (_, route) => {
  let request: ContractRequest;
  beforeAll(async () => {
    request = await client.build(route);
  });

  it("answers 200 with a body valid against the spec and ESI's headers", async () => {
    const response = await client.send(request);
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as unknown;
    expect(validate(route.method, route.path, 200, body).slice(0, 5)).toEqual([]);

    const headers = response.headers;
    expect(headers.get("content-type")).toBe("application/json; charset=UTF-8");
    expect(headers.get("etag")).toMatch(/^(W\/)?"[^"]+"$/);
    expect(headers.get("expires")).toMatch(HTTP_DATE);
    expect(headers.get("last-modified")).toMatch(HTTP_DATE);
    const maxAge = Number(/^public, max-age=(\d+)$/.exec(headers.get("cache-control") ?? "")?.[1]);
    expect(maxAge, `Cache-Control ${headers.get("cache-control")}`).toBeGreaterThanOrEqual(0);
    expect(maxAge).toBe((Date.parse(headers.get("expires")!) - Date.parse(headers.get("date")!)) / 1000);
    // Routes without x-cache-age hold static data that expires daily.
    expect(maxAge).toBeLessThanOrEqual(specOperation(route)?.["x-cache-age"] ?? 86_400);
    expect(Date.parse(headers.get("last-modified")!)).toBeLessThanOrEqual(Date.parse(headers.get("date")!));
    if (route.pageSize !== undefined) expect(headers.get("x-pages")).toMatch(/^[1-9]\d*$/);
    else expect(headers.get("x-pages")).toBeNull();
    limiterHeaders(response, route);
  });

  it("answers If-None-Match with the current ETag with a bodiless 304", async () => {
    const first = await client.send(request);
    const etag = first.headers.get("etag")!;
    const again = await client.send(request, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("expires")).toMatch(HTTP_DATE);
    expect(again.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    limiterHeaders(again, route);
  });

  // Checks that do not apply to a route are not registered for it (rather than reported as skipped).
  if (route.scope !== undefined) {
    it("refuses a missing token (401) and a token without the scope (403)", async () => {
      expect(await errorBody(await client.send(request, { token: null }), request, 401)).toBe("authentication failure");
      const narrow = await client.token(
        request.characterId,
        ALL_SCOPES.filter((scope) => scope !== route.scope),
        "contract-narrow",
      );
      expect(await errorBody(await client.send(request, { token: narrow }), request, 403)).toBe(
        `Token is not valid for scope: ${route.scope}`,
      );
    });
  }

  if (route.characterParam !== undefined) {
    it("refuses another character's token with 403", async () => {
      const other = request.characterId === OTHER_CHARACTER ? MAIN_CHARACTER : OTHER_CHARACTER;
      const token = await client.token(other, ALL_SCOPES, "contract-other");
      expect(await errorBody(await client.send(request, { token }), request, 403)).toBe(
        "Character ID mismatch between request path and auth token",
      );
    });
  }

  if (route.pageSize !== undefined) {
    it("answers the page after the last with 404", async () => {
      const pages = Number((await client.send(request)).headers.get("x-pages"));
      const past = await client.send(request, { query: `?page=${pages + 1}` });
      expect(await errorBody(past, request, 404)).toBe("Requested page does not exist!");
      const last = await client.send(request, { query: `?page=${pages}` });
      expect(last.status).toBe(200);
      expect(last.headers.get("x-pages")).toBe(String(pages));
    });
  }
});
