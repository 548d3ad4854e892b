// The embedded runner's queue is in the database: 200 runs queued, the working process
// killed with SIGKILL part-way, a new one started: every run completes, none has its
// effect twice, and a run caught mid-way resumes after its finished steps (step results
// kept in job_step_results). On a PostgreSQL server and on the embedded PGlite database
// (served on its socket, one connection, as the launcher serves it).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "~/server/db/embedded";
import { applyMigrations } from "~/server/db/migrate";
import { createEmptyDatabase } from "../support/database";
import { runWorker, startWorker } from "../support/job-processes";
import { WORKER_TABLES_SQL } from "../support/job-worker";

const RUNS = 200;

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function prepare(url: string): Promise<void> {
  await applyMigrations(url);
  await query(url, WORKER_TABLES_SQL);
}

async function killPartWayAndRestart(url: string, env: Record<string, string>) {
  await runWorker(url, ["seed", String(RUNS)], env);
  const first = startWorker(url, ["work"], env);
  await first.waitFor(/^effect /, 40, 60_000);
  first.child.kill("SIGKILL");
  await first.exited;
  const beforeKill = first.lines.filter((l) => l.startsWith("effect ")).length;
  const second = await runWorker(url, ["drain"], env);
  return { beforeKill, afterRestart: second.lines.filter((l) => l.startsWith("effect ")).length };
}

async function expectEveryRunOnce(url: string, concurrency: number, beforeKill: number) {
  expect(beforeKill).toBeGreaterThanOrEqual(40);
  expect(beforeKill).toBeLessThan(RUNS);
  const [effects] = await query<{ n: number; keys: number }>(
    url,
    "SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys FROM test_effects",
  );
  expect(effects).toEqual({ n: RUNS, keys: RUNS });
  const states = await query<{ state: string; n: number }>(
    url,
    "SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = 'test-effect' GROUP BY state",
  );
  expect(states).toEqual([{ state: "completed", n: RUNS }]);
  // Steps run again only for the runs in hand at the kill, at most one step each.
  const calls = await query<{ step: string; n: number }>(
    url,
    "SELECT step, count(*)::int AS n FROM test_step_calls GROUP BY step ORDER BY step",
  );
  for (const { n } of calls) expect(n).toBeLessThanOrEqual(RUNS + concurrency);
  // The runs caught mid-way were taken again after the restart; one killed in its second
  // step did not repeat its first (its result came from job_step_results).
  const resumed = await query<{ key: number; records: number }>(
    url,
    `SELECT (j.data->>'key')::int AS key, (SELECT count(*)::int FROM test_step_calls c
       WHERE c.key = (j.data->>'key')::int AND c.step = 'record') AS records
     FROM pgboss.job j WHERE j.name = 'test-effect' AND j.retry_count > 0`,
  );
  expect(resumed.length).toBeGreaterThan(0);
  expect(resumed.length).toBeLessThanOrEqual(concurrency);
  expect(resumed.some((r) => r.records === 1)).toBe(true);
  const [memo] = await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM job_step_results");
  expect(memo!.n).toBe(0);
}

describe("the job queue on a PostgreSQL server", () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  beforeAll(async () => {
    database = await createEmptyDatabase();
    await prepare(database.url);
  });
  afterAll(() => database?.drop());

  it("completes each of 200 runs once after the working process is SIGKILLed part-way", async () => {
    const env = { JOB_CONCURRENCY: "4", POOL_MAX: "4" };
    const { beforeKill } = await killPartWayAndRestart(database.url, env);
    await expectEveryRunOnce(database.url, 4, beforeKill);
  }, 90_000);
});

describe("the job queue on the embedded PGlite database", () => {
  let dataDir: string;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "ma-queue-"));
    embedded = await startEmbeddedPostgres({ dataDir, port: 0 });
    await prepare(embedded.url);
  });
  afterAll(async () => {
    await embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("completes each of 200 runs once after the working process is SIGKILLed part-way", async () => {
    // As the launcher runs it: one connection, the default two runs at a time.
    const env = { JOB_CONCURRENCY: "2", POOL_MAX: "1" };
    const { beforeKill } = await killPartWayAndRestart(embedded.url, env);
    await expectEveryRunOnce(embedded.url, 2, beforeKill);
  }, 120_000);
});
