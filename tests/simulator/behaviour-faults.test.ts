// Fault injection and the control API around it: every fault kind, rule
// matching (route template, prefix, concrete path, method, character), rate and
// count, seeded reproducibility, and the /_sim HTTP routes for faults and stats.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EsiRoute } from "~/simulator/esi/route";
import type { Simulator } from "~/simulator/server";
import { CLIENT, DEAD_REFRESH_TOKEN, loginTokens, refresh, startSimulator } from "../support/sso-flow";

const SCOPE = "esi-skills.read_skills.v1";
const AURA = 2112000001;
const TORVAN = 2112000002;
const BODY = Array.from({ length: 40 }, (_, i) => ({ id: i, name: `thing ${i}` }));

const routes: EsiRoute[] = [
  { method: "GET", path: "/sim-test/things", cacheSeconds: 60, handler: () => BODY },
  { method: "GET", path: "/sim-test/other", cacheSeconds: 60, handler: () => ({ other: true }) },
  { method: "POST", path: "/sim-test/things", cacheSeconds: 0, handler: () => ({ posted: true }) },
  {
    method: "GET",
    path: "/characters/{character_id}/sim-test/skills",
    cacheSeconds: 60,
    scope: SCOPE,
    characterParam: "character_id",
    rateLimit: { group: "char-test", maxTokens: 100, windowSeconds: 900 },
    handler: ({ params }) => ({ character_id: Number(params.character_id) }),
  },
];

let sim: Simulator;
let url: string;
const tokens = new Map<number, string>();

beforeAll(async () => {
  ({ sim, url } = await startSimulator({ extraEsiRoutes: routes }));
  for (const id of [AURA, TORVAN, 2112000003]) tokens.set(id, await sim.issueAccessToken(id, [SCOPE], CLIENT.clientId));
});
afterAll(async () => sim?.close());
afterEach(() => {
  sim.clearFaults();
  sim.advanceClock(60); // a fresh error-limit window for the next test
});

const get = (path: string) => fetch(`${url}${path}`);
const skills = (characterId: number) =>
  fetch(`${url}/characters/${characterId}/sim-test/skills`, {
    headers: { Authorization: `Bearer ${tokens.get(characterId)}` },
  });
const statusesOf = async (count: number, request: () => Promise<Response>) => {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await request()).status);
  return statuses;
};

describe("status faults", () => {
  it.each([
    [500, "Internal Server Error"],
    [502, "Bad Gateway"],
    [503, "The datasource tranquility is temporarily unavailable"],
    [504, "Timeout contacting tranquility"],
    [520, "Internal error thrown from the EVE server"],
  ] as const)("answer %i with CCP's message and count toward the error limit", async (status, message) => {
    sim.injectFault({ kind: "status", status, count: 1 });
    const response = await get("/sim-test/things");
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: message });
    expect(response.headers.get("x-esi-error-limit-remain")).toBe("99");
    expect((await get("/sim-test/things")).status).toBe(200);
  });

  it("default to 500", async () => {
    sim.injectFault({ kind: "status", count: 1 });
    expect((await get("/sim-test/things")).status).toBe(500);
  });
});

describe("rule matching", () => {
  it("matches a route template, a concrete path, a prefix, a method and a character", async () => {
    const { id: template } = sim.injectFault({
      kind: "status",
      status: 503,
      route: "/characters/{character_id}/sim-test/skills",
      characterId: TORVAN,
    });
    expect((await skills(AURA)).status).toBe(200);
    expect((await skills(TORVAN)).status).toBe(503);
    expect(sim.removeFault(template)).toBe(true);
    expect(sim.removeFault(template)).toBe(false);

    sim.injectFault({ kind: "status", status: 502, route: `/characters/${AURA}/sim-test/skills` });
    expect((await skills(AURA)).status).toBe(502);
    expect((await skills(TORVAN)).status).toBe(200);
    sim.clearFaults();

    sim.injectFault({ kind: "status", status: 504, route: "/sim-test/*", method: "POST" });
    expect((await get("/sim-test/things")).status).toBe(200);
    expect((await fetch(`${url}/latest/sim-test/things/`, { method: "POST" })).status).toBe(504);
    expect((await skills(AURA)).status).toBe(200);
  });

  it("stops after count injections and fires at the configured rate", async () => {
    sim.injectFault({ kind: "status", status: 503, route: "/sim-test/things", count: 2 });
    expect(await statusesOf(4, () => get("/sim-test/things"))).toEqual([503, 503, 200, 200]);
    sim.clearFaults();
    sim.injectFault({ kind: "status", status: 503, route: "/sim-test/other", rate: 0.3 });
    const statuses = await statusesOf(200, () => get("/sim-test/other"));
    const failures = statuses.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(35);
    expect(failures).toBeLessThan(85);
    sim.clearFaults();
    sim.injectFault({ kind: "status", status: 503, route: "/sim-test/other", rate: 0 });
    expect(await statusesOf(5, () => get("/sim-test/other"))).toEqual([200, 200, 200, 200, 200]);
  });

  it("replays the same faults for the same seed and differs for another", async () => {
    const run = async (seed: number) => {
      const other = await startSimulator({ extraEsiRoutes: routes, seed, errorLimit: 1000 });
      try {
        other.sim.injectFault({ kind: "status", status: 503, rate: 0.5 });
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++) statuses.push((await fetch(`${other.url}/sim-test/things`)).status);
        return statuses.join(",");
      } finally {
        await other.sim.close();
      }
    };
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toContain("503");
    expect(a).toContain("200");
  });

  it("refuses rules that make no sense", () => {
    expect(() => sim.injectFault({ kind: "explode" } as never)).toThrow(/kind must be one of/);
    expect(() => sim.injectFault({ kind: "status", status: 418 } as never)).toThrow(/status must be one of/);
    expect(() => sim.injectFault({ kind: "slow", rate: 2 })).toThrow(/rate/);
    expect(() => sim.injectFault({ kind: "slow", routes: "/x" } as never)).toThrow(/unknown field/);
  });
});

describe("connection faults", () => {
  it("timeout holds the request, then drops the connection, counting an error", async () => {
    sim.injectFault({ kind: "timeout", delayMs: 150, count: 1 });
    const started = Date.now();
    await expect(get("/sim-test/things")).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(sim.stats().byStatus.timeout).toBeGreaterThanOrEqual(1);
    const next = await get("/sim-test/things");
    expect(next.status).toBe(200);
    expect(next.headers.get("x-esi-error-limit-remain")).toBe("99");
  });

  it("slow delays the normal answer", async () => {
    sim.injectFault({ kind: "slow", delayMs: 150, count: 1 });
    const started = Date.now();
    const response = await get("/sim-test/things");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(BODY);
  });

  it("truncated sends a 200 with the first half of the JSON", async () => {
    const full = JSON.stringify(BODY);
    sim.injectFault({ kind: "truncated", count: 1 });
    const response = await get("/sim-test/things");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe(full.slice(0, Math.floor(full.length / 2)));
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it("malformed sends a 200 that is not JSON", async () => {
    sim.injectFault({ kind: "malformed", count: 1 });
    const response = await get("/sim-test/things");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    await expect(response.json()).rejects.toThrow();
  });

  it("body faults leave errors and 304s alone", async () => {
    const etag = (await get("/sim-test/things")).headers.get("etag")!;
    sim.injectFault({ kind: "truncated", count: 1 });
    const notModified = await fetch(`${url}/sim-test/things`, { headers: { "If-None-Match": etag } });
    expect(notModified.status).toBe(304);
    expect(sim.faults()[0]?.injected).toBe(0);
  });
});

describe("limit and grant faults", () => {
  it("420 spends the error-limit window", async () => {
    sim.injectFault({ kind: "420", route: "/sim-test/other", count: 1 });
    const forced = await get("/sim-test/other");
    expect(forced.status).toBe(420);
    expect(forced.headers.get("x-esi-error-limit-remain")).toBe("0");
    expect((await get("/sim-test/things")).status).toBe(420);
    expect((await skills(AURA)).status).toBe(420);
    sim.advanceClock(60);
    expect((await get("/sim-test/things")).status).toBe(200);
  });

  it("429 answers like the game server's limiter: Retry-After, no rate-limit headers, no cost", async () => {
    const before = Number((await skills(TORVAN)).headers.get("x-ratelimit-remaining"));
    sim.injectFault({ kind: "429", delayMs: 5000, count: 1 });
    const refused = await skills(TORVAN);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.headers.get("x-ratelimit-remaining")).toBeNull();
    expect(await refused.json()).toEqual({ error: "Too many requests" });
    const after = await skills(TORVAN);
    expect(Number(after.headers.get("x-ratelimit-remaining"))).toBe(before - 2);
  });

  it("revoke ends the character's grants and then serves normally", async () => {
    const login = await loginTokens(url, "Ilsa Marrow");
    sim.injectFault({ kind: "revoke", characterId: 2112000003, count: 1 });
    const response = await fetch(`${url}/characters/2112000003/sim-test/skills`, {
      headers: { Authorization: `Bearer ${login.access_token}` },
    });
    expect(response.status).toBe(200);
    expect(await refresh(url, login.refresh_token)).toEqual({ status: 400, body: DEAD_REFRESH_TOKEN });
  });
});

describe("control over HTTP and stats", () => {
  it("injects, lists, removes and clears faults", async () => {
    const injected = await fetch(`${url}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ kind: "status", status: 503, route: "/sim-test/other" }),
    });
    expect(injected.status).toBe(200);
    const { id } = (await injected.json()) as { id: string };
    expect((await get("/sim-test/other")).status).toBe(503);
    const listed = (await (await fetch(`${url}/_sim/faults`)).json()) as { id: string; injected: number }[];
    expect(listed).toEqual([{ id, kind: "status", status: 503, route: "/sim-test/other", injected: 1 }]);
    expect((await fetch(`${url}/_sim/faults/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await fetch(`${url}/_sim/faults/${id}`, { method: "DELETE" })).status).toBe(404);
    await fetch(`${url}/_sim/faults`, { method: "POST", body: JSON.stringify({ kind: "malformed" }) });
    expect(await (await fetch(`${url}/_sim/faults`, { method: "DELETE" })).json()).toEqual({ cleared: 1 });
    expect((await get("/sim-test/other")).status).toBe(200);
    const bad = await fetch(`${url}/_sim/faults`, {
      method: "POST",
      body: JSON.stringify({ kind: "status", rate: -1 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/rate/);
  });

  it("counts requests by status and route, faults, 420s and 429s, and resets", async () => {
    expect((await fetch(`${url}/_sim/stats`, { method: "DELETE" })).status).toBe(200);
    await get("/sim-test/things");
    await get("/latest/sim-test/things/");
    await get("/sim-test/unknown");
    sim.injectFault({ kind: "429", route: "/sim-test/other", count: 1 });
    await get("/sim-test/other");
    sim.injectFault({ kind: "420", route: "/sim-test/other", count: 1 });
    await get("/sim-test/other");
    await get("/sim-test/things");
    const stats = (await (await fetch(`${url}/_sim/stats`)).json()) as ReturnType<Simulator["stats"]>;
    expect(stats).toEqual({
      requests: 6,
      byStatus: { "200": 2, "404": 1, "429": 1, "420": 2 },
      byRoute: { "GET /sim-test/things": 3, unmatched: 1, "GET /sim-test/other": 2 },
      errorLimit: { remain: 0, resetInSeconds: 60 },
      faultsInjected: 2,
      "420s": 2,
      "429s": 1,
    });
    sim.resetStats();
    expect(sim.stats()).toMatchObject({
      requests: 0,
      byStatus: {},
      byRoute: {},
      faultsInjected: 0,
      "420s": 0,
      "429s": 0,
    });
  });
});
