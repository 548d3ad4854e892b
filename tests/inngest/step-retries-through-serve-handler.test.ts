// Retries under Inngest, through the same serve function the route uses (inngest/serve.ts)
// and the stand-in executor: a step that throws is answered with StepError and tried
// again on the next attempt with the steps before it memoised; a RetryLaterError carries
// its time as Retry-After; a step that keeps failing is answered with StepFailed on its
// last attempt, thrown into the handler, and ends the run. Each is counted in
// memberaudit_job_runs_total and recorded in job_run_records as the run goes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { serveJobs } from "@inngest-fns/serve";
import { defineEvent, defineJob, RetryLaterError } from "~/server/jobs/job";
import { runRecorder } from "~/server/jobs/run-records";
import { exposition } from "~/server/metrics/registry";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { InngestExecutor } from "../support/inngest-executor";

const SIGNING_KEY = `signkey-test-${"9e".repeat(32)}`;
const flaky = defineEvent("test/flaky", z.object({ failures: z.number().int(), later: z.boolean().optional() }));

let t: TestDatabase;
let executor: InngestExecutor;
const attemptsSeen: number[] = [];
let failuresLeft = 0;

const job = defineJob({
  id: "flaky-steps",
  trigger: flaky,
  retries: 2,
  async handler({ event, step }) {
    const first = await step.run("first", () => ({ n: 1 }));
    const second = await step.run("second", () => {
      attemptsSeen.push(attemptsSeen.length);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        if (event.data.later) throw new RetryLaterError("ESI bucket spent", new Date(Date.now() + 30_000));
        throw new Error("ESI answered 503");
      }
      return { n: first.n + 1 };
    });
    return { total: second.n };
  },
});

async function runs(outcome: string): Promise<number> {
  const line = (await exposition()).body
    .split("\n")
    .find((l) => l.startsWith(`memberaudit_job_runs_total{function="flaky-steps",outcome="${outcome}"}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

beforeAll(async () => {
  t = await createTestDatabase();
  vi.stubEnv("INNGEST_SIGNING_KEY", SIGNING_KEY);
  vi.stubEnv("INNGEST_DEV", "");
  const handlers = serveJobs(
    [job],
    runRecorder(() => t.db),
  );
  executor = new InngestExecutor({ signingKey: SIGNING_KEY, serveUrl: "http://app.test/api/inngest", handlers });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await t?.drop();
});

describe("step retries through the serve handler", () => {
  it("retries a failing step with the earlier step memoised, then completes", async () => {
    failuresLeft = 1;
    attemptsSeen.length = 0;
    const before = { retried: await runs("retried"), completed: await runs("completed") };
    const run = await executor.run(
      "memberaudit-flaky-steps",
      { name: flaky.name, data: { failures: 1 } },
      { maxAttempts: 3 },
    );
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ total: 2 });
    expect(run.calls.map((c) => c.ops.join(","))).toEqual(["StepRun", "StepError", "StepRun", "complete"]);
    // The first step ran once: the retry found it among the memoised steps.
    expect(run.calls.filter((c) => c.stepNames.includes("first"))).toHaveLength(1);
    expect(attemptsSeen).toHaveLength(2);
    expect(await runs("retried")).toBe(before.retried + 1);
    expect(await runs("completed")).toBe(before.completed + 1);
    const record = await t.db.jobRunRecord.findUnique({ where: { runId: run.runId } });
    expect(record).toMatchObject({ function: "flaky-steps", state: "completed", attempts: 2 });
    expect(record?.finishedAt).not.toBeNull();
  });

  it("passes a RetryLaterError's time on as Retry-After", async () => {
    failuresLeft = 1;
    const run = await executor.run(
      "memberaudit-flaky-steps",
      { name: flaky.name, data: { failures: 1, later: true } },
      { maxAttempts: 3 },
    );
    expect(run.status).toBe("completed");
    const retry = run.calls.find((c) => c.ops[0] === "StepError");
    expect(retry?.retryAfter).toBeTruthy();
    const at = Date.parse(retry!.retryAfter!);
    expect(Number.isNaN(at) ? Number(retry!.retryAfter) * 1000 : at - Date.now()).toBeGreaterThan(20_000);
  });

  it("fails the run when the step's attempts are spent, recorded with its reason", async () => {
    failuresLeft = 10;
    const failedBefore = await runs("failed");
    const run = await executor.run(
      "memberaudit-flaky-steps",
      { name: flaky.name, data: { failures: 10 } },
      { maxAttempts: 3 },
    );
    expect(run.status).toBe("failed");
    // Two retriable failures, the last attempt's StepFailed, then the handler throws it: the run is rejected.
    expect(run.calls.map((c) => c.ops.join(","))).toEqual([
      "StepRun",
      "StepError",
      "StepError",
      "StepFailed",
      "rejected",
    ]);
    expect(await runs("failed")).toBe(failedBefore + 1);
    const record = await t.db.jobRunRecord.findUnique({ where: { runId: run.runId } });
    expect(record).toMatchObject({ state: "failed", attempts: 3 });
    expect(record?.error).toContain("ESI answered 503");
    failuresLeft = 0;
  });
});
