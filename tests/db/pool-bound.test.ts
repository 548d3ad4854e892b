// "My worker creates a new database connection on each task" (Ralph's FAQ): the process holds one
// bounded pool (DATABASE_POOL_MAX), and everything in it shares that pool, the job queue (pg-boss,
// given the pool's executeSql) included. 50 character updates worked at once with a pool of 5:
// PostgreSQL's own view (pg_stat_activity), sampled throughout, never shows more than 5
// connections to the test's database, which only this process uses.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db, poolCounts } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import type { SectionName } from "~/server/sections/registry";
import type { Simulator } from "~/simulator/server";
import { ADMIN_URL, createEmptyDatabase } from "../support/database";
import { startSim } from "../support/simulator";
import { loadCharacters, registerLoadCharacters, runUpdateJobs } from "../support/update-jobs";

// 50 section loads on a shared 2-core machine: slow, not a speed check.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const POOL_MAX = 5;
const JOBS = 50;
// A one-row section and a replaced set: enough writes per job to hold connections, quick enough for the suite.
const SECTIONS: SectionName[] = ["wallet_balance", "skills"];
let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let db: Db;
let sim: Simulator;
let simUrl: string;

beforeAll(async () => {
  database = await createEmptyDatabase();
  await applyMigrations(database.url);
  db = createDb(database.url, POOL_MAX);
  ({ sim, url: simUrl } = await startSim());
  await registerLoadCharacters(db, simUrl, loadCharacters(JOBS), SECTIONS);
});
afterAll(async () => {
  await db?.$disconnect();
  await sim?.close();
  await database?.drop();
});

/** Samples the connections PostgreSQL sees to `name` (from another database) until stopped. */
function sampleConnections(name: string) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  let stopping = false;
  const counts: number[] = [];
  let waitingPeak = 0;
  const done = (async () => {
    await admin.connect();
    while (!stopping) {
      const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
      counts.push(rows[0].n);
      waitingPeak = Math.max(waitingPeak, poolCounts(db).waiting);
      await new Promise((r) => setTimeout(r, 10));
    }
    await admin.end();
  })();
  return {
    async stop() {
      stopping = true;
      await done;
      return { counts, peak: Math.max(...counts), waitingPeak };
    },
  };
}

describe("the database pool", () => {
  it(`holds the process to DATABASE_POOL_MAX connections while ${JOBS} section jobs run at once`, async () => {
    const sampler = sampleConnections(database.name);
    const outcomes = await runUpdateJobs(db, simUrl, loadCharacters(JOBS), { concurrency: JOBS, sections: SECTIONS });
    const { counts, peak, waitingPeak } = await sampler.stop();
    console.log(
      `pool bound: ${JOBS} update jobs at once, DATABASE_POOL_MAX=${POOL_MAX}: ${counts.length} samples of pg_stat_activity, ` +
        `peak ${peak} connections, up to ${waitingPeak} queries waiting for one`,
    );
    expect(outcomes.filter((o) => o.status === "completed")).toHaveLength(JOBS);
    const statuses = await db.sectionUpdateStatus.findMany({ where: { isSuccess: true } });
    expect(statuses.length).toBe(JOBS * SECTIONS.length);
    expect(counts.length).toBeGreaterThan(10);
    expect(peak).toBeLessThanOrEqual(POOL_MAX);
    // The bound was reached and queries queued behind it: the load was real.
    expect(peak).toBe(POOL_MAX);
    expect(waitingPeak).toBeGreaterThan(0);
  });
});
