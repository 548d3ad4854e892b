// ESI's two limiters. Routes without x-rate-limit: the legacy error limit per IP
// (X-ESI-Error-Limit-* headers, 420 for everything once spent, recovery when the
// fixed window ends). Routes with it: floating-window token buckets per group and
// app:character (X-Ratelimit-* headers, costs by status, 429 with Retry-After,
// tokens back one window after they were spent).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { esiError } from "~/simulator/http/io";
import type { EsiRoute } from "~/simulator/esi/route";
import type { Simulator } from "~/simulator/server";
import { CLIENT, startSimulator } from "../support/sso-flow";

const SCOPE = "esi-wallet.read_character_wallet.v1";
const AURA = 2112000001;
const TORVAN = 2112000002;

/** `?status=4xx` makes the handler fail with that status. */
const failOnRequest = (query: URLSearchParams) => {
  const status = query.get("status");
  if (status) throw esiError(Number(status), "Requested failure");
};

const routes: EsiRoute[] = [
  {
    method: "GET",
    path: "/sim-test/public",
    cacheSeconds: 60,
    handler: ({ query }) => {
      failOnRequest(query);
      return { ok: true };
    },
  },
  {
    method: "GET",
    path: "/characters/{character_id}/sim-test/wallet",
    cacheSeconds: 120,
    scope: SCOPE,
    characterParam: "character_id",
    pageSize: 2,
    rateLimit: { group: "char-test", maxTokens: 20, windowSeconds: 900 },
    handler: ({ query }) => {
      failOnRequest(query);
      return [1, 2, 3];
    },
  },
  {
    method: "GET",
    path: "/sim-test/status",
    cacheSeconds: 30,
    rateLimit: { group: "status-test", maxTokens: 4, windowSeconds: 900 },
    handler: () => ({ players: 1 }),
  },
];

const tokenFor = (sim: Simulator, characterId: number, clientId = CLIENT.clientId) =>
  sim.issueAccessToken(characterId, [SCOPE], clientId);
const header = (response: Response, name: string) => response.headers.get(name);
const errorLimit = (response: Response) => [
  header(response, "x-esi-error-limit-remain"),
  header(response, "x-esi-error-limit-reset"),
];
const rate = (response: Response) => ({
  group: header(response, "x-ratelimit-group"),
  limit: header(response, "x-ratelimit-limit"),
  remaining: Number(header(response, "x-ratelimit-remaining")),
  used: Number(header(response, "x-ratelimit-used")),
});

describe("legacy error limit", () => {
  let sim: Simulator;
  let url: string;
  beforeAll(async () => {
    ({ sim, url } = await startSimulator({ extraEsiRoutes: routes, errorLimit: 5, errorWindowSeconds: 60 }));
  });
  afterAll(async () => sim?.close());

  it("counts 4xx answers, not 200/304, and says so on every answer of those routes", async () => {
    const ok = await fetch(`${url}/sim-test/public`);
    expect(ok.status).toBe(200);
    expect(errorLimit(ok)).toEqual(["5", "60"]);
    expect(header(ok, "x-ratelimit-group")).toBeNull();
    const failed = await fetch(`${url}/sim-test/public?status=404`);
    expect(failed.status).toBe(404);
    expect(errorLimit(failed)).toEqual(["4", "60"]);
    sim.advanceClock(15);
    const notModified = await fetch(`${url}/sim-test/public`, { headers: { "If-None-Match": header(ok, "etag")! } });
    expect(notModified.status).toBe(304);
    expect(errorLimit(notModified)).toEqual(["4", "45"]);
    // Unknown paths are ESI errors too.
    const unknown = await fetch(`${url}/sim-test/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(errorLimit(unknown)).toEqual(["3", "45"]);
  });

  it("answers 420 with CCP's message on every route once spent, until the window ends", async () => {
    for (const status of [400, 403]) await fetch(`${url}/sim-test/public?status=${status}`);
    const last = await fetch(`${url}/sim-test/public?status=401`);
    expect(last.status).toBe(401);
    expect(errorLimit(last)).toEqual(["0", "45"]);

    const limited = await fetch(`${url}/sim-test/public`);
    expect(limited.status).toBe(420);
    expect(errorLimit(limited)).toEqual(["0", "45"]);
    const { error } = (await limited.json()) as { error: string };
    expect(error).toMatch(
      /^This software has exceeded the error limit for ESI\. If you are a user, please contact the maintainer/,
    );

    // Rate-limited routes get the 420 too, with the error limiter's headers only.
    const token = await tokenFor(sim, AURA);
    const limitedRated = await fetch(`${url}/characters/${AURA}/sim-test/wallet`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(limitedRated.status).toBe(420);
    expect(errorLimit(limitedRated)).toEqual(["0", "45"]);
    expect(header(limitedRated, "x-ratelimit-remaining")).toBeNull();
    expect((await fetch(`${url}/nowhere`)).status).toBe(420);

    sim.advanceClock(44);
    expect((await fetch(`${url}/sim-test/public`)).status).toBe(420);
    sim.advanceClock(1);
    const recovered = await fetch(`${url}/sim-test/public`);
    expect(recovered.status).toBe(200);
    expect(errorLimit(recovered)).toEqual(["5", "60"]);
    expect(
      (await fetch(`${url}/characters/${AURA}/sim-test/wallet`, { headers: { Authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(200);
  });

  it("does not count errors on rate-limited routes", async () => {
    const token = await tokenFor(sim, TORVAN);
    for (let i = 0; i < 6; i++)
      await fetch(`${url}/characters/${TORVAN}/sim-test/wallet?status=404`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    expect(errorLimit(await fetch(`${url}/sim-test/public`))).toEqual(["5", "60"]);
  });

  it("reports the window in stats", async () => {
    await fetch(`${url}/sim-test/public?status=404`);
    sim.advanceClock(10);
    expect(sim.stats().errorLimit).toEqual({ remain: 4, resetInSeconds: 50 });
  });
});

describe("per-group rate limit", () => {
  let sim: Simulator;
  let url: string;
  beforeAll(async () => {
    ({ sim, url } = await startSimulator({ extraEsiRoutes: routes }));
  });
  afterAll(async () => sim?.close());
  afterEach(() => sim.clearFaults());

  const wallet = (token: string, characterId: number, query = "", headers: Record<string, string> = {}) =>
    fetch(`${url}/characters/${characterId}/sim-test/wallet${query}`, {
      headers: { Authorization: `Bearer ${token}`, ...headers },
    });

  it("charges 2 for 2xx, 1 for 304, 5 for 4xx and 0 for 5xx, with CCP's headers and no error-limit headers", async () => {
    const token = await tokenFor(sim, AURA, "costs-app");
    const ok = await wallet(token, AURA);
    expect(ok.status).toBe(200);
    expect(rate(ok)).toEqual({ group: "char-test", limit: "20/15m", remaining: 18, used: 2 });
    expect(header(ok, "x-esi-error-limit-remain")).toBeNull();
    const notModified = await wallet(token, AURA, "", { "If-None-Match": header(ok, "etag")! });
    expect(notModified.status).toBe(304);
    expect(rate(notModified)).toMatchObject({ remaining: 17, used: 1 });
    const pastEnd = await wallet(token, AURA, "?page=3");
    expect(pastEnd.status).toBe(404);
    expect(rate(pastEnd)).toMatchObject({ remaining: 12, used: 5 });
    const mismatch = await wallet(token, TORVAN);
    expect(mismatch.status).toBe(403);
    expect(rate(mismatch)).toMatchObject({ remaining: 7, used: 5 });
    sim.injectFault({ kind: "status", status: 503, count: 1 });
    const unavailable = await wallet(token, AURA);
    expect(unavailable.status).toBe(503);
    expect(rate(unavailable)).toMatchObject({ remaining: 7, used: 0 });
    expect(header(unavailable, "x-esi-error-limit-remain")).toBeNull();
  });

  it("keeps one bucket per app and character, and per IP without a token", async () => {
    const [a, b, c] = await Promise.all([
      tokenFor(sim, TORVAN, "bucket-app-1"),
      tokenFor(sim, TORVAN, "bucket-app-2"),
      tokenFor(sim, AURA, "bucket-app-1"),
    ]);
    expect(rate(await wallet(a, TORVAN)).remaining).toBe(18);
    expect(rate(await wallet(a, TORVAN)).remaining).toBe(16);
    expect(rate(await wallet(b, TORVAN)).remaining).toBe(18);
    expect(rate(await wallet(c, AURA)).remaining).toBe(18);
    const anonymous = await fetch(`${url}/characters/${TORVAN}/sim-test/wallet`);
    expect(anonymous.status).toBe(401);
    expect(rate(anonymous)).toMatchObject({ remaining: 15, used: 5 });
  });

  it("answers 429 with Retry-After once spent, free of charge, and refills one window after each spend", async () => {
    const status = (headers: Record<string, string> = {}) => fetch(`${url}/sim-test/status`, { headers });
    const first = await status();
    expect(rate(first)).toEqual({ group: "status-test", limit: "4/15m", remaining: 2, used: 2 });
    sim.advanceClock(100);
    expect(rate(await status()).remaining).toBe(0);
    const refused = await status();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: "Too many requests" });
    expect(header(refused, "retry-after")).toBe("800");
    expect(rate(refused)).toMatchObject({ remaining: 0, used: 0 });
    expect(header(refused, "x-esi-error-limit-remain")).toBeNull();
    sim.advanceClock(799);
    expect((await status()).status).toBe(429);
    sim.advanceClock(1);
    const back = await status();
    expect(back.status).toBe(200);
    expect(rate(back).remaining).toBe(0);
    expect(sim.stats()["429s"]).toBe(2);
  });

  it("scales every group's budget with rateLimitScale", async () => {
    const scaled = await startSimulator({ extraEsiRoutes: routes, rateLimitScale: 0.5 });
    try {
      const token = await scaled.sim.issueAccessToken(AURA, [SCOPE], CLIENT.clientId);
      const response = await fetch(`${scaled.url}/characters/${AURA}/sim-test/wallet`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(rate(response)).toMatchObject({ limit: "10/15m", remaining: 8 });
    } finally {
      await scaled.sim.close();
    }
  });
});
