// One character update run end to end through the app's real serve handler at
// /api/inngest, driven the way the Inngest executor drives it (../support/inngest-executor.ts:
// signed calls with the event, the memoised steps and the run's context, looping on the
// SDK's op codes until the function returns), against a real PostgreSQL and the ESI/SSO
// simulator. The sections end up stored, each step ran once, the run is counted in
// /api/metrics' job-run counter, and /admin/status's queue panel shows the app's own
// record of it beside the Inngest dashboard link. A run that ends on a dead token
// sends its compliance event to Inngest's Event API and is recorded as failed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { metricsResponse } from "~/server/metrics/http";
import type { Simulator } from "~/simulator/server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { InngestExecutor, type RunResult, type ServeHandler } from "../support/inngest-executor";
import { CLIENT, registerWithToken, startSim } from "../support/simulator";

const CHARACTER = 2112000004;
/** Its token is revoked at the simulator's SSO before its run. */
const REVOKED = 2112000005;
const SCOPES = ["esi-wallet.read_character_wallet.v1", "esi-skills.read_skills.v1"];
const SIGNING_KEY = `signkey-prod-${"5f3c".repeat(16)}`;
const SERVE_URL = "http://app.test/api/inngest";
const METRICS_TOKEN = "inngest-path-metrics-token-0123456789";
/** tests/support/simulator.ts encrypts the registered tokens with this key. */
const SIM_TOKEN_KEY = Buffer.alloc(32, 7).toString("base64");

let t: TestDatabase;
let sim: Simulator;
let executor: InngestExecutor;
let closeApp: () => Promise<void> = async () => undefined;
let overview: () => Promise<Awaited<ReturnType<ReturnType<typeof appRouter.createCaller>["status"]["overview"]>>>;

async function jobRuns(fn: string, outcome: string): Promise<number> {
  const response = await metricsResponse(
    new Request("http://app.test/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }),
    METRICS_TOKEN,
  );
  const text = await response.text();
  const line = text
    .split("\n")
    .find(
      (l) =>
        l.startsWith("memberaudit_job_runs_total{") &&
        l.includes(`function="${fn}"`) &&
        l.includes(`outcome="${outcome}"`),
    );
  return line ? Number(line.split(" ").at(-1)) : 0;
}

const fail: ServeHandler = async () => {
  throw new Error("the route is not loaded yet");
};

beforeAll(async () => {
  t = await createTestDatabase();
  let url: string;
  ({ sim, url } = await startSim());
  await registerWithToken(t.db, url, CHARACTER, { scopes: SCOPES });
  await registerWithToken(t.db, url, REVOKED, { scopes: SCOPES });
  await t.db.user.create({ data: { id: "pilot" } });
  await t.db.characterOwnership.create({
    data: { characterId: REVOKED, userId: "pilot", ownerHash: `owner-${REVOKED}` },
  });
  await t.db.user.create({ data: { id: "root", isSuperuser: true } });
  const placeholder = { GET: fail, PUT: fail, POST: fail };
  executor = new InngestExecutor({ signingKey: SIGNING_KEY, serveUrl: SERVE_URL, handlers: placeholder });
  const eventApi = await executor.listen();
  // The app's settings as a production install under Inngest Cloud has them, pointed at the simulator.
  const settings: Record<string, string> = {
    MEMBERAUDIT_MODE: "production",
    APP_URL: "http://app.test",
    AUTH_SECRET: "inngest-path-test-secret-0123456789abcdef",
    TOKEN_ENCRYPTION_KEY: SIM_TOKEN_KEY,
    DATABASE_URL: t.url,
    DATABASE_POOL_MAX: "4",
    EVE_SSO_CLIENT_ID: CLIENT.clientId,
    EVE_SSO_CLIENT_SECRET: CLIENT.clientSecret,
    EVE_SSO_BASE_URL: url,
    ESI_BASE_URL: url,
    INNGEST_SIGNING_KEY: SIGNING_KEY,
    INNGEST_EVENT_KEY: "inngest-path-event-key",
    INNGEST_BASE_URL: eventApi,
    INNGEST_DEV: "",
    EMBEDDED_DATABASE: "",
    METRICS_TOKEN,
  };
  for (const [key, value] of Object.entries(settings)) vi.stubEnv(key, value);
  const route = await import("~/app/api/inngest/route");
  Object.assign(placeholder, { GET: route.GET, PUT: route.PUT, POST: route.POST });
  const { appDeps } = await import("~/runtime/deps");
  overview = () => appRouter.createCaller({ deps: appDeps(), user: { id: "root" } as CurrentUser }).status.overview();
  closeApp = async () => {
    const deps = appDeps();
    await deps.esi.close();
    await deps.db.$disconnect();
  };
});
afterAll(async () => {
  await closeApp();
  await executor?.close();
  await sim?.close();
  await t?.drop();
  vi.unstubAllEnvs();
});

describe("a character update through /api/inngest, driven as Inngest drives it", () => {
  let run: RunResult;
  let countedBefore: number;

  it("runs to its end one step per call, each call carrying the steps before it, and stores every section", async () => {
    const { body } = await executor.sync();
    const update = body.functions.find((f) => f.id === "memberaudit-update-character")!;
    const maxAttempts = (update.steps.step!.retries?.attempts ?? 0) + 1;
    countedBefore = await jobRuns("update-character", "completed");

    const started = performance.now();
    run = await executor.run(
      update.id,
      { name: "memberaudit/character.update", data: { characterId: CHARACTER } },
      { maxAttempts },
    );
    // A figure, not a target: how many calls a first update takes through the serve handler, and how long.
    console.info(
      `[inngest] first update: ${run.calls.length} calls, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(run.status).toBe("completed");
    const output = run.output as { characterId: number; sections: number; updated: number; deferred: string[] };
    expect(output.characterId).toBe(CHARACTER);
    expect(output.sections).toBeGreaterThan(3);
    expect(output.updated).toBe(output.sections);
    expect(output.deferred).toEqual([]);

    // Every call but the last answered one step that ran (206, StepRun); the last one the function's result.
    const last = run.calls.at(-1)!;
    expect(last).toMatchObject({ status: 200, ops: ["complete"] });
    const stepCalls = run.calls.slice(0, -1);
    expect(stepCalls.length).toBeGreaterThan(output.sections);
    for (const call of stepCalls) expect(call).toMatchObject({ status: 206, ops: ["StepRun"] });
    const names = stepCalls.map((c) => c.stepNames[0]);
    expect(names[0]).toBe("plan");
    // The types a section stored are named in a step right after it (update-character's `section-<name>-types`).
    expect(names.filter((n) => /^section-\w+-types$/.test(n ?? "")).length).toBeGreaterThan(0);
    // Each step ran once: the SDK found every earlier step in what the executor sent back.
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(run.steps)).toHaveLength(stepCalls.length);

    const statuses = await t.db.sectionUpdateStatus.findMany({ where: { characterId: CHARACTER } });
    expect(statuses).toHaveLength(output.sections);
    for (const s of statuses) {
      expect(s, s.section).toMatchObject({ isSuccess: true, errorMessage: null });
      expect(s.finishedAt).not.toBeNull();
    }
    const sections = statuses.map((s) => s.section);
    expect(sections).toEqual(expect.arrayContaining(["wallet_balance", "wallet_journal", "skills"]));
    expect(await t.db.characterWalletBalance.count({ where: { characterId: CHARACTER } })).toBe(1);
    expect(await t.db.characterSkill.count({ where: { characterId: CHARACTER } })).toBeGreaterThan(10);
  });

  it("counts the run once in /api/metrics' job runs, by function and outcome", async () => {
    expect(run?.status).toBe("completed");
    expect(await jobRuns("update-character", "completed")).toBe(countedBefore + 1);
    expect(await jobRuns("update-character", "failed")).toBe(0);
  });

  it("a second run finds the sections fresh and writes nothing new", async () => {
    const again = await executor.run(
      "memberaudit-update-character",
      { name: "memberaudit/character.update", data: { characterId: CHARACTER } },
      { maxAttempts: 4 },
    );
    expect(again.status).toBe("completed");
    expect(again.output).toMatchObject({ characterId: CHARACTER, sections: 0, updated: 0 });
    expect(await jobRuns("update-character", "completed")).toBe(countedBefore + 2);
  });

  it("shows the app's record of the runs on /admin/status, beside the link to the self-hosted server's dashboard", async () => {
    const data = await overview();
    expect(data.engine).toEqual({ kind: "inngest", dashboardUrl: process.env.INNGEST_BASE_URL });
    expect(data.runs?.functions).toEqual([
      expect.objectContaining({ name: "update-character", running: 0, retrying: 0, completed24h: 2, failed24h: 0 }),
    ]);
    expect(data.runs?.failures).toEqual([]);
    const record = await t.db.jobRunRecord.findUnique({ where: { runId: run.runId } });
    expect(record).toMatchObject({ function: "update-character", state: "completed", attempts: 1, error: null });
  });

  it("ends a run on a dead token for good: its compliance event goes to the Event API, and it is recorded as failed", async () => {
    sim.revokeCharacterTokens(REVOKED);
    const failedBefore = await jobRuns("update-character", "failed");
    const dead = await executor.run(
      "memberaudit-update-character",
      { name: "memberaudit/character.update", data: { characterId: REVOKED, sections: ["wallet_balance"] } },
      { maxAttempts: 4 },
    );
    expect(dead.status).toBe("failed");
    // Not retried: the SDK answered the handler's NonRetriableError with 400 and X-Inngest-No-Retry.
    expect(dead.calls.at(-1)).toMatchObject({ status: 400, ops: ["rejected"] });
    expect(dead.calls.filter((c) => c.ops[0] === "rejected")).toHaveLength(1);
    expect(executor.received).toEqual([
      expect.objectContaining({ name: "memberaudit/compliance.recompute", data: { userIds: ["pilot"] } }),
    ]);
    expect(await jobRuns("update-character", "failed")).toBe(failedBefore + 1);

    const data = await overview();
    expect(data.runs?.functions[0]).toMatchObject({ name: "update-character", completed24h: 2, failed24h: 1 });
    expect(data.runs?.failures).toEqual([
      expect.objectContaining({ id: dead.runId, name: "update-character", state: "failed", attempts: 1 }),
    ]);
    expect(data.runs?.failures[0]?.reason).toContain(`character ${REVOKED}`);
  });
});
