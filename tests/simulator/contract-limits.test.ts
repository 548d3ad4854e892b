// ESI's limits on every registered route, over real HTTP: the 420 of a spent
// error limit (all routes, CCP's message, error-limit headers only), the 429 of
// a spent rate-limit bucket (routes with x-rate-limit: Retry-After and the
// X-Ratelimit-* headers) and the game server's 429 (any route: Retry-After, no
// rate-limit headers). Error bodies are checked against the spec's Error schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiRoute } from "~/simulator/esi/route";
import { type Simulator, simulatorEsiRoutes } from "~/simulator/server";
import { ContractClient, type ContractRequest, specOperation } from "../support/sim-contract-requests";
import { validate } from "../support/esi-spec-validator";
import { CLIENT, startSimulator } from "../support/sso-flow";

const label = (route: EsiRoute) => `${route.method} ${route.path}`;

async function expectError(response: Response, route: EsiRoute, status: number): Promise<string> {
  expect(response.status, label(route)).toBe(status);
  const body = (await response.json()) as { error: string };
  expect(validate(route.method, route.path, status, body)).toEqual([]);
  return body.error;
}

const hasRateHeaders = (response: Response) =>
  response.headers.get("x-ratelimit-group") !== null || response.headers.get("x-ratelimit-remaining") !== null;

describe("420: the error limit is spent", () => {
  let sim: Simulator;
  let client: ContractClient;
  const requests = new Map<string, ContractRequest>();

  beforeAll(async () => {
    const started = await startSimulator({ errorLimit: 3, errorWindowSeconds: 60 });
    sim = started.sim;
    client = new ContractClient(sim, started.url, CLIENT.clientId);
    for (const route of simulatorEsiRoutes) requests.set(label(route), await client.build(route));
    sim.injectFault({ kind: "420", count: 1 });
    await client.send(requests.get(label(simulatorEsiRoutes[0]!))!);
  });
  afterAll(async () => sim?.close());

  it.each(simulatorEsiRoutes.map((route) => [label(route), route] as const))(
    "%s answers 420 with error-limit headers only",
    async (name, route) => {
      const response = await client.send(requests.get(name)!);
      expect(await expectError(response, route, 420)).toMatch(/^This software has exceeded the error limit for ESI\./);
      expect(response.headers.get("x-esi-error-limit-remain")).toBe("0");
      expect(Number(response.headers.get("x-esi-error-limit-reset"))).toBeGreaterThan(0);
      expect(hasRateHeaders(response)).toBe(false);
    },
  );

  it("ends with the window", async () => {
    sim.advanceClock(60);
    const route = simulatorEsiRoutes[0]!;
    const response = await client.send(requests.get(label(route))!);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-esi-error-limit-remain")).toBe("3");
  });
});

describe("429", () => {
  let sim: Simulator;
  let client: ContractClient;
  beforeAll(async () => {
    // One token per bucket: the first answer spends it.
    const started = await startSimulator({ rateLimitScale: 1e-6 });
    sim = started.sim;
    client = new ContractClient(sim, started.url, CLIENT.clientId);
  });
  afterAll(async () => sim?.close());

  const rated = simulatorEsiRoutes.filter((route) => specOperation(route)?.["x-rate-limit"]);
  it("applies to the routes the spec gives an x-rate-limit, and only those", () => {
    expect(rated.length).toBeGreaterThan(30);
    expect(simulatorEsiRoutes.filter((route) => route.rateLimit).map(label)).toEqual(rated.map(label));
  });

  it.each(rated.map((route) => [label(route), route] as const))(
    "%s: a spent bucket answers 429 with Retry-After and rate-limit headers",
    async (name, route) => {
      const request = await client.build(route);
      // A bucket of its own: a fresh app for this route.
      const token = await client.token(request.characterId, undefined, `contract-429 ${name}`);
      expect((await client.send(request, { token })).status).toBe(200);
      const refused = await client.send(request, { token });
      expect(await expectError(refused, route, 429)).toBe("Too many requests");
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(refused.headers.get("x-ratelimit-group")).toBe(specOperation(route)?.["x-rate-limit"]?.group);
      expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(refused.headers.get("x-ratelimit-used")).toBe("0");
      expect(refused.headers.get("x-esi-error-limit-remain")).toBeNull();
    },
  );

  it.each(simulatorEsiRoutes.map((route) => [label(route), route] as const))(
    "%s: the game server's 429 has Retry-After and no rate-limit headers",
    async (_, route) => {
      const request = await client.build(route);
      const token = await client.token(request.characterId, undefined, `contract-game-429 ${label(route)}`);
      sim.injectFault({
        kind: "429",
        route: route.path,
        method: route.method as "GET" | "POST",
        delayMs: 30_000,
        count: 1,
      });
      const refused = await client.send(request, { token });
      expect(await expectError(refused, route, 429)).toBe("Too many requests");
      expect(refused.headers.get("retry-after")).toBe("30");
      expect(hasRateHeaders(refused)).toBe(false);
      sim.clearFaults();
    },
  );
});
