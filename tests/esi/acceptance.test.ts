// The client's contract against the simulator over HTTP and a real PostgreSQL:
// nothing is sent while a 420 or 429 pause runs (in any "process": a second
// connection pool stands in), a 5xx storm ends with every page and no 420, a
// revoked grant ends as one INVALID token after exactly one refresh attempt,
// timeouts are retried, and broken bodies are typed errors. The two-process
// bucket test is in shared-bucket.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { refreshAccessToken } from "~/server/identity/sso-client";
import { createDb, type Db } from "~/server/db/client";
import {
  type EsiClient,
  EsiRateLimitedError,
  EsiResponseInvalidError,
  EsiTokenInvalidError,
} from "~/server/esi/client";
import { simCharacters } from "~/simulator/roster";
import type { Simulator } from "~/simulator/server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { makeClient, registerWithToken, startSim } from "../support/simulator";

let t: TestDatabase;
let otherDb: Db;
let sim: Simulator;
let url: string;
const clients: EsiClient[] = [];
const client = (
  db: Db,
  overrides: Parameters<typeof makeClient>[2] = {},
  tokens: Parameters<typeof makeClient>[3] = {},
) => {
  const esi = makeClient(db, url, overrides, tokens);
  clients.push(esi);
  return esi;
};
const [pilotA, pilotB, pilotC, pilotD] = [simCharacters[0]!, simCharacters[1]!, simCharacters[2]!, simCharacters[3]!];

beforeAll(async () => {
  t = await createTestDatabase();
  otherDb = createDb(t.url, 4);
  ({ sim, url } = await startSim({ seed: 7 }));
  for (const pilot of simCharacters)
    await registerWithToken(t.db, url, pilot.characterId, { accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000) });
});
afterEach(async () => {
  sim.clearFaults();
  // Pauses recorded by a test must not leak into the next one.
  await t.db.esiErrorLimit.updateMany({ data: { pausedUntil: null, remain: null, resetAt: null } });
  await t.db.esiRateBucket.deleteMany();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sim?.close();
  await otherDb?.$disconnect();
  await t?.drop();
});

describe("a 429 pause", () => {
  it("after a 429 nobody sends to that bucket until Retry-After; other buckets go on", async () => {
    const [one, two] = [client(t.db, { onLimit: "fail" }), client(otherDb, { onLimit: "fail" })];
    sim.injectFault({ route: "/characters/{character_id}/wallet", kind: "429", count: 1, delayMs: 30_000 });
    const error = await one
      .get("/characters/{character_id}/wallet", { path: { character_id: pilotA.characterId } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EsiRateLimitedError);
    expect(error).toMatchObject({ limit: "rate-limit", bucket: `char-wallet:${pilotA.characterId}` });
    expect((error as EsiRateLimitedError).retryAt.getTime()).toBeGreaterThan(Date.now() + 25_000);
    const sent = sim.stats().requests;

    // Same group, same character, another process and another route of the group: refused unsent.
    await expect(
      two.get("/characters/{character_id}/wallet", { path: { character_id: pilotA.characterId } }),
    ).rejects.toBeInstanceOf(EsiRateLimitedError);
    await expect(
      two.getPages("/characters/{character_id}/wallet/journal", { path: { character_id: pilotA.characterId } }),
    ).rejects.toBeInstanceOf(EsiRateLimitedError);
    expect(sim.stats().requests).toBe(sent);
    // Another character's bucket, another group: sent.
    expect(
      (await two.get("/characters/{character_id}/wallet", { path: { character_id: pilotB.characterId } })).status,
    ).toBe("ok");
    expect(
      (await two.get("/characters/{character_id}/skills", { path: { character_id: pilotA.characterId } })).status,
    ).toBe("ok");
    expect(sim.stats().requests).toBe(sent + 2);
    expect(sim.stats()["429s"]).toBe(1);
  });
});

describe("5xx storm", () => {
  it("10% 503s on every route: every page of every walk arrives, retried, without a single 420", async () => {
    sim.resetStats();
    const esi = client(t.db);
    sim.injectFault({ kind: "status", status: 503, rate: 0.1 });
    const pilots = simCharacters.filter((c) => c.characterId !== pilotD.characterId);
    const walks = await Promise.all(
      pilots.flatMap((p) => [
        esi.getPages("/characters/{character_id}/assets", { path: { character_id: p.characterId } }),
        esi.getPages("/characters/{character_id}/wallet/journal", { path: { character_id: p.characterId } }),
      ]),
    );
    // Public routes live under the legacy error limit: 5 rounds of every pilot's public record.
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        pilots.map((p) =>
          esi.get("/characters/{character_id}", { path: { character_id: p.characterId }, force: true }),
        ),
      );
    }
    for (const r of walks) expect(r.status).toBe("ok");
    const pages = walks.reduce((n, r) => n + (r.status === "ok" ? r.pages : 0), 0);
    const stats = sim.stats();
    expect(stats["420s"]).toBe(0);
    expect(stats.byStatus["503"] ?? 0).toBeGreaterThan(5);
    // Each page and each public read answered exactly once (later public reads revalidate: 304).
    expect((stats.byStatus["200"] ?? 0) + (stats.byStatus["304"] ?? 0)).toBe(pages + 5 * pilots.length);
    expect(esi.snapshot().retries).toBe(stats.byStatus["503"]);
    expect(stats.errorLimit.remain).toBeGreaterThan(10);
  });
});

describe("revoked grant", () => {
  it("ends as one INVALID token after exactly one refresh attempt, however many callers", async () => {
    await registerWithToken(t.db, url, pilotD.characterId); // access token already expired
    sim.revokeCharacterTokens(pilotD.characterId);
    sim.resetStats();
    let refreshes = 0;
    const counting: typeof refreshAccessToken = (config, token) => {
      refreshes += 1;
      return refreshAccessToken(config, token);
    };
    const [one, two] = [client(t.db, {}, { refresh: counting }), client(otherDb, {}, { refresh: counting })];
    const calls = Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? one : two).get("/characters/{character_id}/skills", { path: { character_id: pilotD.characterId } }),
    );
    const settled = await Promise.allSettled(calls);
    expect(settled.every((r) => r.status === "rejected" && r.reason instanceof EsiTokenInvalidError)).toBe(true);
    expect(refreshes).toBe(1);
    const row = await t.db.esiToken.findUniqueOrThrow({ where: { characterId: pilotD.characterId } });
    expect(row).toMatchObject({ status: "INVALID", invalidReason: expect.stringContaining("invalid_grant") });
    expect(row.invalidAt).toBeInstanceOf(Date);
    // Later: no refresh, no ESI request.
    await expect(
      one.get("/characters/{character_id}/skills", { path: { character_id: pilotD.characterId } }),
    ).rejects.toBeInstanceOf(EsiTokenInvalidError);
    expect(refreshes).toBe(1);
    expect(sim.stats().requests).toBe(0);
  });
});

describe("timeouts", () => {
  it("a request the simulator holds is abandoned after the timeout and retried", async () => {
    const esi = client(t.db, { timeoutMs: 300 });
    sim.injectFault({ route: "/characters/{character_id}/skills", kind: "timeout", count: 1, delayMs: 5_000 });
    expect(
      (await esi.get("/characters/{character_id}/skills", { path: { character_id: pilotC.characterId } })).status,
    ).toBe("ok");
    expect(esi.snapshot()).toMatchObject({ retries: 1 });
    expect(esi.snapshot().routes[0]?.byStatus).toMatchObject({ "0": 1, "200": 1 });
  });
});

describe("broken bodies", () => {
  it("malformed (a proxy's HTML page) and truncated bodies are retried, then end as EsiResponseInvalidError", async () => {
    const esi = client(t.db, { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10 } });
    const path = { character_id: pilotA.characterId };
    for (const kind of ["malformed", "truncated"] as const) {
      sim.clearFaults();
      sim.injectFault({ route: "/characters/{character_id}/skills", kind });
      const error = await esi.get("/characters/{character_id}/skills", { path }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EsiResponseInvalidError);
      expect((error as Error).message).toMatch(/not JSON.*after 3 attempt/);
      // A single broken answer costs a retry, not the update.
      sim.clearFaults();
      sim.injectFault({ route: "/characters/{character_id}/skills", kind, count: 1 });
      expect((await esi.get("/characters/{character_id}/skills", { path })).status).toBe("ok");
    }
  });

  it("a well-formed body that does not match the spec is EsiResponseInvalidError at once", async () => {
    const { startStub } = await import("../support/esi-stub");
    const stub = await startStub(() => ({ body: { skills: "none" } }));
    const esi = makeClient(t.db, stub.url);
    try {
      await expect(
        esi.get("/characters/{character_id}/skills", { path: { character_id: pilotA.characterId } }),
      ).rejects.toBeInstanceOf(EsiResponseInvalidError);
      expect(stub.requests).toHaveLength(1);
    } finally {
      await esi.close();
      await stub.close();
    }
  });
});

describe("cursor routes on the simulator", () => {
  it("walks wallet transactions and mail to the end with unique, descending ids", async () => {
    const esi = client(t.db);
    const tx = await esi.getByCursor("/characters/{character_id}/wallet/transactions", {
      path: { character_id: pilotA.characterId },
    });
    const mail = await esi.getByCursor("/characters/{character_id}/mail", {
      path: { character_id: pilotA.characterId },
    });
    for (const [result, id] of [
      [tx, "transaction_id"],
      [mail, "mail_id"],
    ] as const) {
      expect(result.status).toBe("ok");
      if (result.status !== "ok") continue;
      const ids = result.data.map((x) => Number((x as Record<string, unknown>)[id]));
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    }
  });
});

// Last in this file: the simulator's error window stays exhausted for the rest of it.
describe("the error limit", () => {
  it("after a 420 no process sends anything until the reset", async () => {
    const [one, two] = [client(t.db, { onLimit: "fail" }), client(otherDb, { onLimit: "fail" })];
    sim.injectFault({ kind: "420", count: 1 });
    const error = await one
      .getData("/characters/{character_id}", { path: { character_id: pilotA.characterId } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EsiRateLimitedError);
    expect(error).toMatchObject({ limit: "error-limit" });
    expect((error as EsiRateLimitedError).retryAt.getTime()).toBeGreaterThan(Date.now());
    const sent = sim.stats().requests;

    // Another process, other routes, public and authenticated: all refused without a request.
    await expect(
      two.getData("/characters/{character_id}", { path: { character_id: pilotB.characterId } }),
    ).rejects.toBeInstanceOf(EsiRateLimitedError);
    await expect(
      two.get("/characters/{character_id}/skills", { path: { character_id: pilotB.characterId } }),
    ).rejects.toBeInstanceOf(EsiRateLimitedError);
    await expect(
      one.getPages("/characters/{character_id}/assets", { path: { character_id: pilotA.characterId } }),
    ).rejects.toBeInstanceOf(EsiRateLimitedError);
    // A waiting caller whose wait would exceed its budget gives up, also without sending.
    const waiter = client(otherDb, { onLimit: "wait", maxLimitWaitMs: 200 });
    await expect(
      waiter.get("/characters/{character_id}/wallet", { path: { character_id: pilotC.characterId } }),
    ).rejects.toBeInstanceOf(EsiRateLimitedError);
    expect(sim.stats().requests).toBe(sent);
    expect(sim.stats()["420s"]).toBe(1);
  });
});
