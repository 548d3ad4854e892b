// npm run bench:priority [-- --short] [-- --backlog N] [-- --concurrency N]: a character registered
// while a backlog of stale characters is queued, on the simulator (child process) and a
// real PostgreSQL, with the app's own job list in the embedded runner (pg-boss). N
// characters (1,000) are registered and their updates queued at backlog priority, as the
// periodic scan sends them; once the backlog is draining, one more character registers
// and the registration's events are sent as sign-in sends them (user priority). Prints
// the seconds until that character's full first update is done, and where the backlog
// stood. Figures only; no pass/fail.
import { performance } from "node:perf_hooks";
import { createDb, sqlPoolOf } from "~/server/db/client";
import { EmbeddedRunner } from "~/server/jobs/embedded-runner";
import { createJobs } from "~/server/jobs/definitions";
import { characterPublicRefresh, characterUpdate } from "~/server/jobs/events";
import { SECTIONS } from "~/server/sections/registry";
import { DEFAULT_ENGINE_SETTINGS, enabledSections } from "~/server/updates/engine-settings";
import { createTestDatabase } from "../../tests/support/database";
import { makeClient, registerWithToken } from "../../tests/support/simulator";
import { startSimProcess } from "./sim-process";

const argv = process.argv.slice(2);
const arg = (name: string) => Number(argv[argv.indexOf(name) + 1] ?? "") || undefined;
const BACKLOG = arg("--backlog") ?? (argv.includes("--short") ? 100 : 1000);
const CONCURRENCY = arg("--concurrency") ?? 2;
const FIRST_SYNTHETIC = 2113000001;
const NEWCOMER = FIRST_SYNTHETIC + BACKLOG;

const t = await createTestDatabase();
const sim = await startSimProcess().catch(async (error: unknown) => {
  await t.drop();
  throw error;
});
const db = createDb(t.url, 10);
// As the job engine runs it: a rate limit fails fast and the run is retried later.
const esi = makeClient(db, sim.url, { connections: 16, onLimit: "fail" });
const settings = { sharingTimeoutMinutes: 0, engine: DEFAULT_ENGINE_SETTINGS };
const runner = new EmbeddedRunner(
  createJobs(() => ({ db, esi }), settings),
  { db, sql: sqlPoolOf(db), concurrency: CONCURRENCY, log: (line) => console.warn(`  [jobs] ${line}`) },
);
const scopes = [...new Set(SECTIONS.flatMap((s) => s.scopes))];
const sections = enabledSections(DEFAULT_ENGINE_SETTINGS).length;

async function runsOf(state: "done" | "waiting"): Promise<number> {
  const { rows } = await sqlPoolOf(db).query(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'update-character' AND ${state === "done" ? "state >= 'completed'" : "state < 'active'"}`,
  );
  return rows[0].n;
}

async function newcomerDone(): Promise<boolean> {
  const { rows } = await sqlPoolOf(db).query(
    // The registration's run (user priority), not a later scan's run for the same character.
    "SELECT state::text FROM pgboss.job WHERE name = 'update-character' AND (data->>'characterId')::int = $1 AND priority > 0",
    [NEWCOMER],
  );
  return rows.length > 0 && rows.every((r) => r.state === "completed");
}

try {
  const ids = Array.from({ length: BACKLOG }, (_, i) => FIRST_SYNTHETIC + i);
  const registering = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < ids.length) await registerWithToken(db, sim.url, ids[next++]!, { scopes });
    }),
  );
  console.log(
    `priority benchmark: ${BACKLOG} stale characters × ${sections} sections queued at backlog priority, ` +
      `JOB_CONCURRENCY ${CONCURRENCY} (registered in ${((performance.now() - registering) / 1000).toFixed(0)} s)`,
  );
  await runner.start();
  const window = Math.floor(Date.now() / (15 * 60_000));
  for (let i = 0; i < ids.length; i += 1000) {
    await runner.send(
      ids.slice(i, i + 1000).map((characterId) => ({
        name: characterUpdate.name,
        data: { characterId, priority: "backlog" },
        id: `update-${characterId}-${window}`,
      })),
    );
  }
  const drainStart = performance.now();
  while ((await runsOf("done")) < Math.min(4, BACKLOG)) await new Promise((r) => setTimeout(r, 200));
  const doneBefore = await runsOf("done");
  const backlogSeconds = (performance.now() - drainStart) / 1000;

  await registerWithToken(db, sim.url, NEWCOMER, { scopes });
  const queuedAhead = await runsOf("waiting");
  const registered = performance.now();
  // What sign-in sends for a new character (src/server/characters/sign-in.ts): user priority, the default.
  await runner.send([
    { name: characterPublicRefresh.name, data: { characterIds: [NEWCOMER] } },
    { name: characterUpdate.name, data: { characterId: NEWCOMER } },
  ]);
  while (!(await newcomerDone())) await new Promise((r) => setTimeout(r, 100));
  const seconds = (performance.now() - registered) / 1000;
  const doneAfter = await runsOf("done");
  const waiting = await runsOf("waiting");
  const perRun = backlogSeconds / doneBefore;
  const okSections = await db.sectionUpdateStatus.count({ where: { characterId: NEWCOMER, isSuccess: true } });
  console.log(
    `new character's full first update done ${seconds.toFixed(1)} s after registering ` +
      `(${okSections}/${sections} sections ok); ${doneAfter - doneBefore - 1} backlog runs finished meanwhile, ` +
      `${waiting} still queued`,
  );
  console.log(
    `backlog drains at ${(60 / perRun).toFixed(1)} characters/min (one run done every ${perRun.toFixed(1)} s, ${CONCURRENCY} at a time): ` +
      `first in, first out the newcomer would have waited about ${((queuedAhead + 1) * perRun).toFixed(0)} s behind ${queuedAhead} queued runs`,
  );
} finally {
  await runner.stop(60_000);
  await esi.close();
  await db.$disconnect();
  await sim.stop();
  await t.drop();
}
