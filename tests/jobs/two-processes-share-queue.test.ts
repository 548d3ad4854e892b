// Two app processes on one PostgreSQL server share the embedded runner's queue: each of
// 200 runs is executed by one of them, once, and each cron tick fires once although
// both run the schedules.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "~/server/db/migrate";
import { createEmptyDatabase } from "../support/database";
import { runWorker, startWorker } from "../support/job-processes";
import { WORKER_TABLES_SQL } from "../support/job-worker";

const RUNS = 200;
/** After a minute boundary, the tick it fires has run within this long (cron passes and polls each second). */
const TICK_LAG_MS = 6000;

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
beforeAll(async () => {
  database = await createEmptyDatabase();
  await applyMigrations(database.url);
  await query(database.url, WORKER_TABLES_SQL);
});
afterAll(() => database?.drop());

describe("two processes on one database", () => {
  it("execute each of 200 runs once between them and fire each cron tick once", async () => {
    const env = { JOB_CONCURRENCY: "4", POOL_MAX: "4", TICK_CRON: "* * * * *" };
    await runWorker(database.url, ["seed", String(RUNS)], env);
    const workers = [startWorker(database.url, ["work"], env), startWorker(database.url, ["work"], env)];
    let startedAt = 0;
    try {
      await Promise.all(workers.map((w) => w.waitFor(/^started$/)));
      startedAt = Date.now();
      await expect
        .poll(() => workers.reduce((n, w) => n + w.lines.filter((l) => l.startsWith("effect ")).length, 0), {
          timeout: 60_000,
        })
        .toBe(RUNS);
      // Until a minute's tick has fired with both processes running the schedules.
      const afterTick = Math.ceil(startedAt / 60_000) * 60_000 + TICK_LAG_MS;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, afterTick - Date.now())));
    } finally {
      for (const w of workers) w.child.kill("SIGKILL");
      await Promise.all(workers.map((w) => w.exited));
    }
    const calls = await query<{ step: string; n: number; keys: number }>(
      database.url,
      "SELECT step, count(*)::int AS n, count(DISTINCT key)::int AS keys FROM test_step_calls GROUP BY step ORDER BY step",
    );
    expect(calls).toEqual([
      { step: "record", n: RUNS, keys: RUNS },
      { step: "write", n: RUNS, keys: RUNS },
    ]);
    const [byProcess] = await query<{ processes: number }>(
      database.url,
      "SELECT count(DISTINCT pid)::int AS processes FROM test_effects",
    );
    expect(byProcess!.processes).toBe(2);
    // One run per minute boundary passed while both ran (one just before the stop may not have run yet).
    // Each minute's tick ran once, and the boundary passed while both ran did fire (a first pass
    // on a new database may also fire the minute just before it started, once).
    const ticks = await query<{ minute: Date; n: number }>(
      database.url,
      "SELECT date_trunc('minute', at) AS minute, count(*)::int AS n FROM test_ticks GROUP BY 1 ORDER BY 1",
    );
    expect(ticks.every((t) => t.n === 1)).toBe(true);
    const boundary = Math.ceil(startedAt / 60_000) * 60_000;
    expect(ticks.map((t) => t.minute.getTime())).toContain(boundary);
  }, 90_000);
});
