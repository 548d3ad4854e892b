// Two processes share the PostgreSQL limiter: this test process and a child
// (tests/support/esi-hammer.ts, started with tsx) hammer one character's char-wallet bucket,
// scaled down to 15 tokens in the simulator. Together they must stay inside it:
// no 429 from the simulator, and no more successful requests than the bucket holds.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EsiClient, EsiRateLimitedError } from "~/server/esi/client";
import { simCharacters } from "~/simulator/roster";
import type { Simulator } from "~/simulator/server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { makeClient, registerWithToken, startSim } from "../support/simulator";

let t: TestDatabase;
let sim: Simulator;
let url: string;
let esi: EsiClient | undefined;
const pilotC = simCharacters[2]!;

beforeAll(async () => {
  t = await createTestDatabase();
  // char-wallet (150 tokens) scaled to 15: small enough to exhaust in a test.
  ({ sim, url } = await startSim({ rateLimitScale: 0.1 }));
  await registerWithToken(t.db, url, pilotC.characterId, { accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000) });
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("two processes share one bucket", () => {
  it("hammering a 15-token bucket from two processes never gets a 429 nor spends past the bucket", async () => {
    sim.resetStats();
    const characterId = pilotC.characterId;
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.resolve(import.meta.dirname, "../support/esi-hammer.ts"),
        t.url,
        url,
        String(characterId),
        "25",
      ],
      {
        cwd: path.resolve(import.meta.dirname, "../.."),
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    let output = "";
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith("ready\n")) markReady();
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // Once the child has loaded, both start at the same moment.
    await ready;
    esi = makeClient(t.db, url, { onLimit: "fail", limiter: { probeIntervalMs: 600_000 } });
    child.stdin.write("go\n");
    const client = esi;
    const mine = await Promise.allSettled(
      Array.from({ length: 25 }, () =>
        client.get("/characters/{character_id}/wallet", { path: { character_id: characterId } }),
      ),
    );
    expect(await exited).toBe(0);
    const theirs = JSON.parse(output.trim().split("\n").pop() ?? "{}") as {
      ok: number;
      limited: number;
      other: string[];
      requests: number;
    };
    const myOk = mine.filter((r) => r.status === "fulfilled").length;
    const myLimited = mine.filter((r) => r.status === "rejected" && r.reason instanceof EsiRateLimitedError).length;
    expect(theirs.other).toEqual([]);
    expect(myOk + myLimited).toBe(25);

    const stats = sim.stats();
    expect(stats["429s"]).toBe(0);
    // 15 tokens, 2 per 200: together at most 7 successes; the reserve keeps 5 back.
    const successes = myOk + theirs.ok;
    expect(successes * 2).toBeLessThanOrEqual(15);
    expect(successes).toBeGreaterThan(0);
    expect(stats.byRoute["GET /characters/{character_id}/wallet"]).toBe(successes);
    expect(myLimited + theirs.limited).toBe(50 - successes);
    // Both really competed for the bucket.
    expect(myLimited).toBeGreaterThan(0);
    expect(theirs.limited).toBeGreaterThan(0);
  });
});
