import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EmbeddedRunner } from "~/server/jobs/embedded-runner";
import { defineEvent, defineJob } from "~/server/jobs/job";

const ping = defineEvent("test/ping", z.object({ id: z.number() }));
const fast = { retryDelayMs: () => 1 };

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
    const runner = new EmbeddedRunner([job], fast);
    await runner.send({ name: "test/ping", data: { id: 1 } });
    await runner.idle();
    expect(calls).toEqual(["a", "b", "b"]);
    expect(runner.outcomes).toEqual([{ jobId: "flaky", status: "completed", attempts: 2 }]);
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
    const runner = new EmbeddedRunner([job], fast);
    await runner.send([
      { name: "test/ping", data: { id: 1 } },
      { name: "test/ping", data: { id: 2 } },
    ]);
    await runner.idle();
    expect(runner.outcomes.map((o) => [o.status, o.attempts, o.error])).toEqual(
      expect.arrayContaining([
        ["failed", 1, "token invalid"],
        ["failed", 4, "always"],
      ]),
    );
    expect(attempts).toBe(5);
  });

  it("runs one job at a time per concurrency key and refuses invalid event data", async () => {
    let active = 0;
    let peak = 0;
    const job = defineJob({
      id: "keyed",
      trigger: ping,
      retries: 0,
      concurrencyKeyField: "id",
      async handler({ step }) {
        await step.run("work", async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 20));
          active -= 1;
        });
      },
    });
    const runner = new EmbeddedRunner([job], { maxConcurrency: 4 });
    await runner.send([1, 1, 1].map(() => ({ name: "test/ping", data: { id: 7 } })));
    await runner.idle();
    expect(peak).toBe(1);
    expect(runner.outcomes).toHaveLength(3);
    await expect(runner.send({ name: "test/ping", data: { id: "x" } as never })).rejects.toThrow();
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
    const runner = new EmbeddedRunner([job]);
    await runner.send({ name: "test/ping", data: { id: 1 }, id: "same" });
    await runner.send({ name: "test/ping", data: { id: 1 }, id: "same" });
    await runner.idle();
    expect(runs).toBe(1);
  });
});

describe("embedded runner schedules", () => {
  it("runs a cron job at each tick and never overlaps it", async () => {
    const { vi } = await import("vitest");
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:30Z") });
    try {
      let runs = 0;
      const job = defineJob({
        id: "tick",
        trigger: { cron: "* * * * *" },
        retries: 0,
        handler: async () => {
          runs += 1;
        },
      });
      const runner = new EmbeddedRunner([job]);
      runner.start();
      await vi.advanceTimersByTimeAsync(29_000);
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(runs).toBe(3);
      await runner.stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(runs).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
