// The app's registration answer at /api/inngest, asked for the way Inngest Cloud or a
// self-hosted server asks (a signed in-band sync, and the introspection GET), checked
// against the job definitions createJobs builds: every job is a function, with its
// trigger (event name or cron, in UTC), its retries, its concurrency key and the
// priority expression that puts user runs ahead of the backlog. Expected values are
// derived from the definitions, so a job added, removed or changed without its
// Inngest function following makes this fail.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "~/env";
import { createJobs } from "~/server/jobs/definitions";
import { isCronTrigger, type JobDefinition } from "~/server/jobs/job";
import { InngestExecutor, type RegisteredFunction } from "../support/inngest-executor";

const SIGNING_KEY = `signkey-test-${"ab12".repeat(16)}`;
const SERVE_URL = "http://app.test/api/inngest";
/** docs/jobs.md, "Priorities": a user run moves ahead of runs queued up to 10 minutes before it. */
const USER_AHEAD = `event.data.priority == "backlog" ? 0 : 600`;

let executor: InngestExecutor;
let jobs: JobDefinition<any>[];

beforeAll(async () => {
  vi.stubEnv("MEMBERAUDIT_MODE", "demo");
  vi.stubEnv("AUTH_SECRET", "registration-test-secret-0123456789abcdef");
  vi.stubEnv("TOKEN_ENCRYPTION_KEY", Buffer.alloc(32, 3).toString("base64"));
  vi.stubEnv("DATABASE_URL", "postgresql://nobody@127.0.0.1:9/never-connected");
  vi.stubEnv("INNGEST_SIGNING_KEY", SIGNING_KEY);
  vi.stubEnv("INNGEST_EVENT_KEY", "registration-test-event-key");
  vi.stubEnv("INNGEST_DEV", "");
  vi.stubEnv("INNGEST_BASE_URL", "http://127.0.0.1:9");
  const route = await import("~/app/api/inngest/route");
  executor = new InngestExecutor({ signingKey: SIGNING_KEY, serveUrl: SERVE_URL, handlers: route });
  // The same list the route serves (src/runtime/jobs.ts), built from the same settings; no job runs here.
  jobs = createJobs(() => {
    throw new Error("registration needs no dependencies");
  }, env());
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("the app's registration at /api/inngest", () => {
  let functions: RegisteredFunction[];

  it("answers a signed in-band sync with one function per job definition and nothing else", async () => {
    const { status, syncKind, body } = await executor.sync();
    expect(status).toBe(200);
    expect(syncKind).toBe("in_band");
    expect(body.app_id).toBe("memberaudit");
    expect(body.framework).toBe("nextjs");
    expect(body.url).toBe(SERVE_URL);
    expect(body.sdk).toMatch(/^js:v4\./);
    expect(body.inspection).toMatchObject({ authentication_succeeded: true, mode: "cloud", has_signing_key: true });
    functions = body.functions;
    expect(jobs.length).toBeGreaterThan(10);
    expect(functions.map((f) => f.id).sort()).toEqual(jobs.map((j) => `memberaudit-${j.id}`).sort());
    expect(jobs.map((j) => j.id)).toContain("update-character");
  });

  it("registers each job's trigger, retries, concurrency key and priority as its definition says", () => {
    for (const job of jobs) {
      const fn = functions.find((f) => f.id === `memberaudit-${job.id}`)!;
      const step = fn.steps.step!;
      expect(step.runtime).toEqual({
        type: "http",
        url: `${SERVE_URL}?fnId=memberaudit-${job.id}&stepId=step`,
      });
      expect(step.retries, job.id).toEqual({ attempts: job.retries });
      if (isCronTrigger(job.trigger)) {
        expect(fn.triggers, job.id).toEqual([{ cron: `TZ=UTC ${job.trigger.cron}` }]);
        // The periodic jobs are the backlog themselves: no priority expression.
        expect(fn.priority, job.id).toBeUndefined();
      } else {
        expect(fn.triggers, job.id).toEqual([{ event: job.trigger.name }]);
        expect(fn.priority, job.id).toEqual({ run: USER_AHEAD });
      }
      if (job.concurrencyKeyField) {
        expect(fn.concurrency, job.id).toEqual([{ key: `event.data.${job.concurrencyKeyField}`, limit: 1 }]);
      } else {
        expect(fn.concurrency, job.id).toBeUndefined();
      }
    }
    // One update per character at a time, whoever sent it.
    const update = functions.find((f) => f.id === "memberaudit-update-character")!;
    expect(update.concurrency).toEqual([{ key: "event.data.characterId", limit: 1 }]);
    expect(update.triggers).toEqual([{ event: "memberaudit/character.update" }]);
  });

  it("answers the introspection GET with the function count, authenticated", async () => {
    const { status, body } = await executor.introspect();
    expect(status).toBe(200);
    expect(body).toMatchObject({ function_count: jobs.length, mode: "cloud", authentication_succeeded: true });
  });

  it("refuses a run request whose signature is wrong, and runs nothing", async () => {
    const status = await executor.rawPost(
      { fnId: "memberaudit-update-character", stepId: "step" },
      { event: { name: "memberaudit/character.update", data: { characterId: 1 } }, steps: {}, ctx: { run_id: "r" } },
      `t=${Math.round(Date.now() / 1000)}&s=${"0".repeat(64)}`,
    );
    expect(status).toBe(401);
  });
});
