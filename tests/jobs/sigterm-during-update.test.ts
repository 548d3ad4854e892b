// Graceful shutdown (src/runtime/shutdown.ts): the app's process, updating a character
// against the simulator (every ESI answer slowed so the update takes a while), gets SIGTERM
// part-way. It exits 0, leaves no section marked running, and its run is back in the queue
// (not counted as an attempt), which a new process then takes and finishes: once when the
// step in hand finishes within SHUTDOWN_TIMEOUT_SECONDS, once when it does not.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runIdFor } from "~/server/jobs/queues";
import type { Simulator } from "~/simulator/server";
import { type AppProcess, startAppProcess } from "../support/app-processes";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { registerWithToken, startSim } from "../support/simulator";

const CHARACTER = 2112000007;
let t: TestDatabase;
let sim: Simulator;
let simUrl: string;
const started: AppProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  ({ sim, url: simUrl } = await startSim());
  await registerWithToken(t.db, simUrl, CHARACTER);
});
afterEach(async () => {
  for (const app of started.splice(0)) {
    if (app.child.exitCode === null) app.child.kill("SIGKILL");
    await app.exited;
  }
});
afterAll(async () => {
  await sim?.close();
  await t?.drop();
});

function app(env: Record<string, string>): AppProcess {
  const process = startAppProcess({ databaseUrl: t.url, simulatorUrl: simUrl }, env);
  started.push(process);
  return process;
}

interface SectionRow {
  section: string;
  running: boolean;
  finished: boolean;
}

async function sections(): Promise<SectionRow[]> {
  return t.db.$queryRaw<SectionRow[]>`
    SELECT section,
      ("startedAt" IS NOT NULL AND ("finishedAt" IS NULL OR "finishedAt" < "startedAt")) AS running,
      ("finishedAt" IS NOT NULL AND "startedAt" IS NOT NULL AND "finishedAt" >= "startedAt") AS finished
    FROM "SectionUpdateStatus" WHERE "characterId" = ${CHARACTER} ORDER BY section`;
}

async function run(id: string): Promise<{ state: string; retry_count: number } | undefined> {
  const rows = await t.db.$queryRaw<{ state: string; retry_count: number }[]>`
    SELECT state::text, retry_count FROM pgboss.job WHERE name = 'update-character' AND id = ${id}::uuid`;
  return rows[0];
}

/** Polls until `ready` holds (a section in hand after at least one finished), or fails after `timeoutMs`. */
async function until<T>(read: () => Promise<T>, ready: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last seen ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const midUpdate = (rows: SectionRow[]) => rows.some((r) => r.running) && rows.some((r) => r.finished);

async function interruptAndResume(eventId: string, delayMs: number, shutdownSeconds: number) {
  await t.db.sectionUpdateStatus.deleteMany({ where: { characterId: CHARACTER } });
  sim.clearFaults();
  sim.injectFault({ route: "/characters/*", kind: "slow", delayMs });
  const first = app({ SHUTDOWN_TIMEOUT_SECONDS: String(shutdownSeconds), JOB_CONCURRENCY: "2" });
  await first.waitFor(/^started$/);
  await first.update(CHARACTER, eventId);
  const during = await until(sections, midUpdate);
  first.child.kill("SIGTERM");
  const code = await first.exited;

  const afterStop = await sections();
  const queued = await run(runIdFor("update-character", eventId));
  const logged = first.lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);

  sim.clearFaults();
  const second = app({ JOB_CONCURRENCY: "2" });
  await second.waitFor(/^started$/);
  const done = await until(
    () => run(runIdFor("update-character", eventId)),
    (r) => r?.state === "completed",
    90_000,
  );
  second.child.kill("SIGTERM");
  const secondCode = await second.exited;
  return { code, during, afterStop, queued, logged, done, secondCode, final: await sections() };
}

describe("SIGTERM during a character's update", () => {
  it("lets the step in hand finish, gives the run back to the queue, and a new process finishes it", async () => {
    const r = await interruptAndResume("sigterm-graceful", 1500, 20);
    expect(r.code).toBe(0);
    expect(r.during.some((s) => s.running)).toBe(true);
    // Nothing left marked running; the run back in the queue, its attempt not counted.
    expect(r.afterStop.filter((s) => s.running)).toEqual([]);
    expect(r.queued?.state).toBe("created");
    expect(r.afterStop.filter((s) => s.finished).length).toBeLessThan(r.final.length);
    const stopped = r.logged.find((e) => String(e.msg).startsWith("job runner stopped"));
    expect(stopped).toMatchObject({ released: 1, abandoned: 0 });
    // The step in hand finished first: its section is done, not given back.
    expect(r.afterStop.filter((s) => s.finished).length).toBeGreaterThan(r.during.filter((s) => s.finished).length);
    expect(r.logged.at(-1)).toMatchObject({ msg: "stopped" });
    // The new process finished the run: every section done, none running.
    expect(r.done).toMatchObject({ state: "completed" });
    expect(r.final.length).toBeGreaterThan(1);
    expect(r.final.every((s) => s.finished && !s.running)).toBe(true);
    expect(r.secondCode).toBe(0);
  }, 180_000);

  it("gives back a run whose step outlasts SHUTDOWN_TIMEOUT_SECONDS, and exits without waiting for it", async () => {
    const r = await interruptAndResume("sigterm-timeout", 8000, 1);
    expect(r.code).toBe(0);
    expect(r.afterStop.filter((s) => s.running)).toEqual([]);
    expect(r.queued?.state).toBe("created");
    const stopped = r.logged.find((e) => String(e.msg).startsWith("job runner stopped"));
    expect(stopped).toMatchObject({ released: 0, abandoned: 1 });
    expect(r.logged.some((e) => e.sections === 1)).toBe(true);
    expect(r.done).toMatchObject({ state: "completed" });
    expect(r.final.every((s) => s.finished && !s.running)).toBe(true);
    expect(r.secondCode).toBe(0);
  }, 180_000);
});
