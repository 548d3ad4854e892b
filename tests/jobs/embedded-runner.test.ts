import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvent, defineJob, RetryLaterError } from "~/server/jobs/job";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { anotherProcessDb, testRunner } from "../support/job-runner";

const ping = defineEvent("test/ping", z.object({ id: z.number() }));

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe("embedded job runner", () => {
  it("runs steps in order and retries a failed attempt without re-running finished steps", async () => {
    const calls: string[] = [];
    let failures = 1;
    const job = defineJob({
      id: "flaky",
      trigger: ping,
      retries: 2,
      async handler({ step }) {
        const a = await step.run("a", () => {
          calls.push("a");
          return { at: new Date(0) };
        });
        // Step results come back JSON round-tripped, as from Inngest.
        expect(typeof a.at).toBe("string");
        await step.run("b", () => {
          calls.push("b");
          if (failures-- > 0) throw new Error("transient");
        });
      },
    });
    const runner = testRunner(t.db, [job]);
    await runner.start();
    await runner.send({ name: "test/ping", data: { id: 1 } });
    await runner.idle();
    await runner.stop();
    expect(calls).toEqual(["a", "b", "b"]);
    expect(runner.outcomes).toEqual([{ jobId: "flaky", status: "completed", attempts: 2 }]);
    // The memo is cleared once the run is done.
    expect(await t.db.jobStepResult.count()).toBe(0);
  });

  it("stops at NonRetriableError and after the retry budget", async () => {
    class NonRetriableError extends Error {
      override name = "NonRetriableError";
    }
    let attempts = 0;
    const job = defineJob({
      id: "doomed",
      trigger: ping,
      retries: 3,
      async handler({ event }) {
        attempts += 1;
        throw event.data.id === 1 ? new NonRetriableError("token invalid") : new Error("always");
      },
    });
    const runner = testRunner(t.db, [job]);
    await runner.start();
    await runner.send([
      { name: "test/ping", data: { id: 1 } },
      { name: "test/ping", data: { id: 2 } },
    ]);
    await runner.idle();
    await runner.stop();
    expect(runner.outcomes.map((o) => [o.status, o.attempts, o.error])).toEqual(
      expect.arrayContaining([
        ["failed", 1, "token invalid"],
        ["failed", 4, "always"],
      ]),
    );
    expect(attempts).toBe(5);
  });

  it("waits for a RetryLaterError's time before the next attempt", async () => {
    const starts: number[] = [];
    const job = defineJob({
      id: "limited",
      trigger: ping,
      retries: 1,
      async handler() {
        starts.push(Date.now());
        if (starts.length === 1) throw new RetryLaterError("bucket spent", new Date(Date.now() + 2000));
      },
    });
    const runner = testRunner(t.db, [job]);
    await runner.start();
    await runner.send({ name: "test/ping", data: { id: 1 } });
    await runner.idle();
    await runner.stop();
    expect(starts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(1900);
  });

  it("runs one job at a time per concurrency key, across two processes, and refuses invalid event data", async () => {
    let active = 0;
    let peak = 0;
    let runs = 0;
    const job = defineJob({
      id: "keyed",
      trigger: ping,
      retries: 0,
      concurrencyKeyField: "id",
      async handler({ step }) {
        await step.run("work", async () => {
          active += 1;
          runs += 1;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 100));
          active -= 1;
        });
      },
    });
    const other = anotherProcessDb(t.url);
    const runners = [testRunner(t.db, [job], { concurrency: 4 }), testRunner(other, [job], { concurrency: 4 })];
    try {
      await Promise.all(runners.map((r) => r.start()));
      await runners[0]!.send([1, 1, 1, 1].map(() => ({ name: "test/ping", data: { id: 7 } })));
      await runners[0]!.idle();
      expect(peak).toBe(1);
      expect(runs).toBe(4);
      await expect(runners[0]!.send({ name: "test/ping", data: { id: "x" } as never })).rejects.toThrow();
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
      await other.$disconnect();
    }
  });

  it("drops a repeated event id (Inngest's 24 h event dedupe)", async () => {
    let runs = 0;
    const job = defineJob({
      id: "once",
      trigger: ping,
      retries: 0,
      handler: async () => {
        runs += 1;
      },
    });
    const runner = testRunner(t.db, [job]);
    await runner.start();
    await runner.send({ name: "test/ping", data: { id: 1 }, id: "same" });
    await runner.idle();
    await runner.send({ name: "test/ping", data: { id: 1 }, id: "same" });
    await runner.send({ name: "test/ping", data: { id: 1 }, id: "other" });
    await runner.idle();
    await runner.stop();
    expect(runs).toBe(2);
  });
});

describe("embedded runner schedules", () => {
  // Ticks fire once across processes: tests/jobs/two-processes-share-queue.test.ts, on a minute's boundary.
  it("runs a cron job at its tick, and no more once stopped", async () => {
    let runs = 0;
    const job = defineJob({
      id: "tick",
      trigger: { cron: "*/2 * * * * *" },
      retries: 0,
      handler: async () => {
        runs += 1;
      },
    });
    const runner = testRunner(t.db, [job]);
    await runner.start();
    await expect.poll(() => runs, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await runner.stop();
    const stopped = runs;
    await new Promise((r) => setTimeout(r, 3000));
    expect(runs).toBe(stopped);
  }, 25_000);
});
