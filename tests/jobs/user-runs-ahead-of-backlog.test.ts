// Events carry a priority: a user's run (registration, "update now") queued behind the
// periodic backlog is the next one taken, in the embedded runner (pg-boss priority), and
// under Inngest the functions carry the same rule as their priority expression.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USER_AHEAD, toInngestFunction } from "@inngest-fns/functions";
import { createJobs } from "~/server/jobs/definitions";
import { characterUpdate } from "~/server/jobs/events";
import { defineJob } from "~/server/jobs/job";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testRunner } from "../support/job-runner";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe("job priorities", () => {
  it("takes a user run queued behind a backlog next", async () => {
    const order: number[] = [];
    const job = defineJob({
      id: "prioritised-update",
      trigger: characterUpdate,
      retries: 0,
      concurrencyKeyField: "characterId",
      async handler({ event }) {
        order.push(event.data.characterId);
        await new Promise((r) => setTimeout(r, 30));
      },
    });
    const runner = testRunner(t.db, [job], { concurrency: 1 });
    await runner.start();
    const backlog = Array.from({ length: 40 }, (_, i) => 1000 + i);
    await runner.send(
      backlog.map((characterId) => ({ name: characterUpdate.name, data: { characterId, priority: "backlog" } })),
    );
    await expect.poll(() => order.length).toBeGreaterThanOrEqual(3);
    const queuedAt = order.length;
    await runner.send({ name: characterUpdate.name, data: { characterId: 42 } });
    await runner.idle();
    await runner.stop();
    // The run in hand when it was queued, and at most one already fetched, may finish first.
    expect(order.indexOf(42)).toBeGreaterThanOrEqual(queuedAt);
    expect(order.indexOf(42)).toBeLessThanOrEqual(queuedAt + 1);
    expect(order).toHaveLength(41);
    expect(order.slice(0, queuedAt).every((id) => id >= 1000)).toBe(true);
  });

  it("keeps one slot free of the backlog, so a user run starts without waiting for a backlog run to end", async () => {
    let backlogActive = 0;
    let backlogPeak = 0;
    let userStartedAt = 0;
    const job = defineJob({
      id: "slot-kept",
      trigger: characterUpdate,
      retries: 0,
      concurrencyKeyField: "characterId",
      async handler({ event }) {
        if (event.data.priority !== "backlog") {
          userStartedAt = Date.now();
          return;
        }
        backlogActive += 1;
        backlogPeak = Math.max(backlogPeak, backlogActive);
        await new Promise((r) => setTimeout(r, 400));
        backlogActive -= 1;
      },
    });
    const runner = testRunner(t.db, [job], { concurrency: 2 });
    await runner.start();
    await runner.send(
      Array.from({ length: 6 }, (_, i) => ({
        name: characterUpdate.name,
        data: { characterId: 2000 + i, priority: "backlog" as const },
      })),
    );
    await expect.poll(() => backlogActive).toBe(1);
    const sentAt = Date.now();
    await runner.send({ name: characterUpdate.name, data: { characterId: 43 } });
    await runner.idle();
    await runner.stop();
    expect(backlogPeak).toBe(1);
    expect(userStartedAt - sentAt).toBeLessThan(300);
  });

  it("gives the Inngest functions triggered by events the same rule as a priority expression", () => {
    const jobs = createJobs(() => ({ db: t.db, esi: undefined as never }), {
      sharingTimeoutMinutes: 0,
      engine: DEFAULT_ENGINE_SETTINGS,
    });
    const update = toInngestFunction(jobs.find((j) => j.id === "update-character")!);
    const cron = toInngestFunction(jobs.find((j) => j.id === "expire-shares")!);
    const options = (fn: unknown) => (fn as { opts: { priority?: { run?: string } } }).opts;
    expect(options(update).priority).toEqual({ run: USER_AHEAD });
    expect(USER_AHEAD).toContain(`event.data.priority == "backlog"`);
    expect(options(cron).priority).toBeUndefined();
  });
});
