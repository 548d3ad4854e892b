// A background run's log lines carry its job, its run id and its character, from the
// embedded runner's context: the handler logs with no ids of its own, and so does the
// runner's own line when the run fails for good.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvent, defineJob, NonRetriableJobError } from "~/server/jobs/job";
import { logger } from "~/server/logging/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { captureLogs } from "../support/log-capture";
import { testRunner } from "../support/job-runner";

const noisy = defineEvent("test/noisy", z.object({ characterId: z.number().int() }));
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe("a run's log lines", () => {
  it("carry the job, the run id and the character", async () => {
    const logs = captureLogs();
    const runner = testRunner(
      t.db,
      [
        defineJob({
          id: "test-noisy",
          trigger: noisy,
          retries: 0,
          async handler({ step }) {
            await step.run("say", async () => logger().warn("inside a step"));
            throw new NonRetriableJobError("given up");
          },
        }),
      ],
      { log: (line) => logger().warn(line) },
    );
    try {
      await runner.start();
      await runner.send({ name: noisy.name, data: { characterId: 90000042 } });
      await runner.idle();
    } finally {
      await runner.stop();
      logs.restore();
    }
    const inside = logs.entries.find((e) => e.msg === "inside a step");
    const failed = logs.entries.find((e) => String(e.msg).startsWith("job test-noisy failed"));
    for (const entry of [inside, failed]) {
      expect(entry).toMatchObject({ job: "test-noisy", characterId: 90000042 });
      expect(entry!.runId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(inside!.runId).toBe(failed!.runId);
  }, 60_000);
});
