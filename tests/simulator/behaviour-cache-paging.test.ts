// The snapshot cache and X-Pages paging: one snapshot per resource until its
// Expires (new data stays invisible until then), pages sliced from it with their
// own ETags but one Last-Modified/Expires, CCP's answers for pages out of range,
// and the control calls that drop snapshots early.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiRoute } from "~/simulator/esi/route";
import type { Simulator } from "~/simulator/server";
import { CLIENT, startSimulator } from "../support/sso-flow";

const SCOPE = "esi-assets.read_assets.v1";
const AURA = 2112000001;
const TORVAN = 2112000002;

const itemCount = new Map<number, number>([[AURA, 7]]);
let version = 1;
let handlerCalls = 0;

const routes: EsiRoute[] = [
  { method: "GET", path: "/sim-test/static", cacheSeconds: 0, expiresDailyAt: "11:05", handler: () => [1, 2, 3] },
  {
    method: "GET",
    path: "/characters/{character_id}/sim-test/items",
    cacheSeconds: 300,
    scope: SCOPE,
    characterParam: "character_id",
    pageSize: 3,
    rateLimit: { group: "char-asset", maxTokens: 1800, windowSeconds: 900 },
    handler: async ({ params }) => {
      handlerCalls++;
      // Lets concurrent requests overlap inside one production.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const owner = Number(params.character_id);
      return Array.from({ length: itemCount.get(owner) ?? 0 }, (_, i) => ({ item_id: i + 1, owner, version }));
    },
  },
];

let sim: Simulator;
let url: string;
let aura: string;
let torvan: string;

beforeAll(async () => {
  ({ sim, url } = await startSimulator({ extraEsiRoutes: routes }));
  aura = await sim.issueAccessToken(AURA, [SCOPE], CLIENT.clientId);
  torvan = await sim.issueAccessToken(TORVAN, [SCOPE], CLIENT.clientId);
});
afterAll(async () => sim?.close());

const items = (characterId: number, query = "", headers: Record<string, string> = {}) =>
  fetch(`${url}/characters/${characterId}/sim-test/items${query}`, {
    headers: { Authorization: `Bearer ${characterId === AURA ? aura : torvan}`, ...headers },
  });

async function allPages(characterId: number) {
  const responses = [await items(characterId)];
  const pages = Number(responses[0]!.headers.get("x-pages"));
  for (let page = 2; page <= pages; page++) responses.push(await items(characterId, `?page=${page}`));
  return Promise.all(
    responses.map(async (response) => ({
      response,
      body: (await response.json()) as { item_id: number; version: number }[],
    })),
  );
}

describe("X-Pages", () => {
  it("slices one snapshot into pages that share Last-Modified and Expires but have their own ETags", async () => {
    const calls = handlerCalls;
    const pages = await allPages(AURA);
    expect(pages.map((p) => p.response.status)).toEqual([200, 200, 200]);
    expect(pages.map((p) => p.response.headers.get("x-pages"))).toEqual(["3", "3", "3"]);
    expect(pages.map((p) => p.body.map((item) => item.item_id))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(new Set(pages.map((p) => p.response.headers.get("last-modified"))).size).toBe(1);
    expect(new Set(pages.map((p) => p.response.headers.get("expires"))).size).toBe(1);
    expect(new Set(pages.map((p) => p.response.headers.get("etag"))).size).toBe(3);
    expect(handlerCalls - calls).toBe(1);
  });

  it("answers If-None-Match per page", async () => {
    const [first, second] = await allPages(AURA);
    const etag2 = second!.response.headers.get("etag")!;
    const notModified = await items(AURA, "?page=2", { "If-None-Match": etag2 });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(etag2);
    expect(notModified.headers.get("x-pages")).toBe("3");
    expect(await notModified.text()).toBe("");
    // Page 1's ETag does not validate page 2.
    expect((await items(AURA, "?page=2", { "If-None-Match": first!.response.headers.get("etag")! })).status).toBe(200);
  });

  it("answers a page past the end with 404 and CCP's message", async () => {
    const response = await items(AURA, "?page=4");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Requested page does not exist!" });
  });

  it.each(["0", "-1", "abc", "1.5", ""])("refuses page=%s with 400", async (page) => {
    const response = await items(AURA, `?page=${page}`);
    expect(response.status).toBe(400);
    expect(typeof ((await response.json()) as { error: unknown }).error).toBe("string");
  });

  it("gives an empty list one page", async () => {
    const response = await items(TORVAN);
    expect(response.headers.get("x-pages")).toBe("1");
    expect(await response.json()).toEqual([]);
    expect((await items(TORVAN, "?page=2")).status).toBe(404);
  });
});

describe("snapshots", () => {
  it("hide new data until Expires, then show it with a new ETag and Last-Modified on every page", async () => {
    const before = await allPages(AURA);
    version++;
    sim.advanceClock(120);
    const within = await allPages(AURA);
    expect(within.map((p) => p.response.headers.get("etag"))).toEqual(
      before.map((p) => p.response.headers.get("etag")),
    );
    expect(within.every((p) => p.body.every((item) => item.version === version - 1))).toBe(true);
    const maxAge = Number(/max-age=(\d+)/.exec(within[0]!.response.headers.get("cache-control") ?? "")?.[1]);
    expect(maxAge).toBeLessThanOrEqual(180);
    sim.advanceClock(maxAge);
    const after = await allPages(AURA);
    expect(after.every((p) => p.body.every((item) => item.version === version))).toBe(true);
    expect(after[0]!.response.headers.get("etag")).not.toBe(before[0]!.response.headers.get("etag"));
    expect(new Set(after.map((p) => p.response.headers.get("last-modified"))).size).toBe(1);
    expect(Date.parse(after[0]!.response.headers.get("last-modified")!)).toBeGreaterThan(
      Date.parse(before[0]!.response.headers.get("last-modified")!),
    );
  });

  it("serve concurrent misses from one production", async () => {
    sim.expireCaches();
    const calls = handlerCalls;
    const responses = await Promise.all(Array.from({ length: 5 }, () => items(AURA)));
    expect(new Set(responses.map((r) => r.headers.get("etag"))).size).toBe(1);
    expect(handlerCalls - calls).toBe(1);
  });

  it("are dropped per character by expireCaches, so the next request sees current data", async () => {
    const auraBefore = (await items(AURA, "?page=3")).headers.get("etag");
    await items(TORVAN);
    itemCount.set(AURA, 10);
    itemCount.set(TORVAN, 2);
    expect((await items(AURA, "?page=3")).headers.get("etag")).toBe(auraBefore);
    expect(sim.expireCaches(AURA)).toBeGreaterThanOrEqual(1);
    const fresh = await items(AURA, "?page=3");
    expect(fresh.headers.get("etag")).not.toBe(auraBefore);
    expect(fresh.headers.get("x-pages")).toBe("4");
    // Torvan's snapshot was left alone.
    expect(await (await items(TORVAN)).json()).toEqual([]);
    const expired = await fetch(`${url}/_sim/cache/expire`, {
      method: "POST",
      body: JSON.stringify({ characterId: TORVAN }),
    });
    expect(expired.status).toBe(200);
    expect(((await expired.json()) as { expired: number }).expired).toBeGreaterThanOrEqual(1);
    expect(((await (await items(TORVAN)).json()) as unknown[]).length).toBe(2);
  });

  it("are all dropped by expireCaches() and POST /_sim/cache/expire without a body", async () => {
    await items(AURA);
    expect(sim.expireCaches()).toBeGreaterThanOrEqual(1);
    await items(AURA);
    const response = await fetch(`${url}/_sim/cache/expire`, { method: "POST" });
    expect(await response.json()).toEqual({ expired: expect.any(Number) as number });
    const bad = await fetch(`${url}/_sim/cache/expire`, { method: "POST", body: JSON.stringify({ characterId: "x" }) });
    expect(bad.status).toBe(400);
  });
});

describe("daily expiry", () => {
  it("expires static data at the next HH:MM UTC", async () => {
    const response = await fetch(`${url}/sim-test/static`);
    const expires = new Date(response.headers.get("expires")!);
    expect([expires.getUTCHours(), expires.getUTCMinutes(), expires.getUTCSeconds()]).toEqual([11, 5, 0]);
    const left = expires.getTime() - Date.parse(response.headers.get("date")!);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(86_400_000);
    expect(response.headers.get("cache-control")).toBe(`public, max-age=${left / 1000}`);
  });
});

describe("mutateCharacter", () => {
  const wallet = async (characterId: number) => {
    const token = await sim.issueAccessToken(characterId, ["esi-wallet.read_character_wallet.v1"], CLIENT.clientId);
    return fetch(`${url}/characters/${characterId}/wallet`, { headers: { Authorization: `Bearer ${token}` } });
  };

  it("changes data that clients see only after the snapshot expires or is expired", async () => {
    const before = await wallet(AURA);
    const balance = await before.json();
    const result = sim.mutateCharacter(AURA, "wallet");
    expect(result).toMatchObject({ characterId: AURA, kind: "wallet" });
    const cached = await wallet(AURA);
    expect(cached.headers.get("etag")).toBe(before.headers.get("etag"));
    expect(await cached.json()).toEqual(balance);
    sim.expireCaches(AURA);
    const fresh = await wallet(AURA);
    expect(fresh.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect(await fresh.json()).not.toEqual(balance);
  });

  it("is reachable over HTTP and refuses unknown kinds and characters", async () => {
    const before = (await wallet(TORVAN)).headers.get("etag");
    const mutated = await fetch(`${url}/_sim/characters/${TORVAN}/mutate`, {
      method: "POST",
      body: JSON.stringify({ kind: "all" }),
    });
    expect(mutated.status).toBe(200);
    expect(await mutated.json()).toMatchObject({ characterId: TORVAN, kind: "all" });
    await fetch(`${url}/_sim/cache/expire`, { method: "POST", body: JSON.stringify({ characterId: TORVAN }) });
    expect((await wallet(TORVAN)).headers.get("etag")).not.toBe(before);
    const badKind = await fetch(`${url}/_sim/characters/${TORVAN}/mutate`, {
      method: "POST",
      body: JSON.stringify({ kind: "ships" }),
    });
    expect(badKind.status).toBe(400);
    const unknown = await fetch(`${url}/_sim/characters/1234/mutate`, {
      method: "POST",
      body: JSON.stringify({ kind: "wallet" }),
    });
    expect(unknown.status).toBe(404);
  });
});
