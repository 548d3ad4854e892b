// The status page's queue figures come from pg-boss's own tables, filled here by a real
// embedded runner on a test database: a run in hand counts as running, runs behind it as
// waiting (with the oldest one's age), a RetryLaterError as retrying, spent runs as
// failed with their reason, and a database's own error text never reaches the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvent, defineJob, RetryLaterError } from "~/server/jobs/job";
import { readQueue } from "~/server/status/queue";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testRunner } from "../support/job-runner";

const hold = defineEvent("test/hold", z.object({ n: z.number() }));
const fail = defineEvent("test/fail", z.object({ kind: z.enum(["plain", "prisma", "later"]) }));

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const stateCount = async (name: string, state: string) => {
  const rows = await t.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${name} AND state::text = ${state}`;
  return rows[0]!.n;
};

describe("queue figures", () => {
  it("count waiting, running, retrying and failed runs per function, with the last failures' reasons", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holder = defineJob({
      id: "status-hold",
      trigger: hold,
      retries: 0,
      async handler() {
        await gate;
      },
    });
    const failing = defineJob({
      id: "status-fail",
      trigger: fail,
      retries: 1,
      async handler({ event }) {
        if (event.data.kind === "later")
          throw new RetryLaterError("ESI bucket spent", new Date(Date.now() + 3_600_000));
        if (event.data.kind === "prisma")
          throw new Error('Invalid `prisma.character.update()` invocation:\nUPDATE "Character" SET x = 1');
        throw new Error("ESI answered 503 three times");
      },
    });
    const runner = testRunner(t.db, [holder, failing], { concurrency: 1 });
    await runner.start();
    await runner.send([
      { name: "test/fail", data: { kind: "plain" } },
      { name: "test/fail", data: { kind: "prisma" } },
      { name: "test/fail", data: { kind: "later" } },
    ]);
    await until(async () => (await stateCount("status-fail", "failed")) === 2, "two failed runs");
    await until(async () => (await stateCount("status-fail", "retry")) === 1, "one run waiting to retry");
    await runner.send([1, 2, 3].map((n) => ({ name: "test/hold", data: { n } })));
    await until(async () => (await stateCount("status-hold", "active")) === 1, "a run in hand");

    const later = new Date(Date.now() + 120_000);
    const queue = await readQueue(t.db, later);
    release();
    // Not runner.idle(): the retrying run waits an hour.
    await until(async () => (await stateCount("status-hold", "completed")) === 3, "the held runs done");
    await runner.stop();

    expect(queue.available).toBe(true);
    const byName = new Map(queue.functions.map((f) => [f.name, f]));
    expect(byName.get("status-hold")).toMatchObject({ waiting: 2, running: 1, retrying: 0, failed: 0 });
    expect(byName.get("status-hold")!.oldestWaitingSeconds).toBeGreaterThanOrEqual(119);
    expect(byName.get("status-hold")!.oldestWaitingSeconds).toBeLessThan(300);
    expect(byName.get("status-fail")).toMatchObject({ waiting: 0, running: 0, retrying: 1, failed: 2 });
    expect(byName.get("status-fail")!.oldestWaitingSeconds).toBeNull();

    const reasons = queue.failures.map((f) => [f.name, f.state, f.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ["status-fail", "failed", "ESI answered 503 three times"],
        ["status-fail", "failed", "Internal error (details in the server log)"],
        ["status-fail", "retry", "ESI bucket spent"],
      ]),
    );
    expect(JSON.stringify(queue)).not.toMatch(/prisma|UPDATE "Character"/);
    expect(queue.failures.find((f) => f.reason.startsWith("ESI answered"))!.attempts).toBe(2);

    const after = await readQueue(t.db, new Date());
    expect(after.functions.find((f) => f.name === "status-hold")).toMatchObject({ waiting: 0, running: 0 });
  }, 90_000);

  it("says the queue is not there on a database where no runner ever started", async () => {
    const other = await createTestDatabase();
    try {
      expect(await readQueue(other.db, new Date())).toEqual({ available: false, functions: [], failures: [] });
    } finally {
      await other.drop();
    }
  });
});
