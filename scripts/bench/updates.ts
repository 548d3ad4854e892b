// npm run bench:updates [-- --short] [-- --characters N] [-- --drift]: the update engine against
// the simulator on loopback and a real PostgreSQL, in four passes:
//   1. cold load of N synthetic characters (realistic volumes)
//   2. incremental, nothing changed (every section re-checked: conditional requests)
//   3. incremental with 5% of characters changed
//   4. the same under 10% injected 5xx
// Workers run in this process as Inngest workers would (bounded concurrency, one
// character per worker at a time). The simulator runs in a child process and is
// driven over its /_sim control API, so the peak RSS sampled here is the app's
// alone; the simulator's is reported separately. At the end, the sockets left in
// TIME_WAIT (keep-alive should hold them near zero). Figures only; no pass/fail.
// --drift: every pass under the simulator's drift fault at 10% (bodies shaped like
// CCP's off-spec answers, docs/esi-client.md), counting the section runs that warned.
import { performance } from "node:perf_hooks";
import { createDb } from "~/server/db/client";
import { EsiRateLimitedError } from "~/server/esi/client";
import { SECTIONS } from "~/server/sections/registry";
import { DEFAULT_ENGINE_SETTINGS, enabledSections } from "~/server/updates/engine-settings";
import { runCharacterSection } from "~/server/updates/update-character";
import { updateDepsFrom } from "~/server/updates/update-deps";
import type { SectionRunOutcome } from "~/server/updates/update-section";
import { makeClient, registerWithToken } from "../../tests/support/simulator";
import { createTestDatabase } from "../../tests/support/database";
import { peakRssOf, startSimProcess } from "./sim-process";
import { formatTimeWait, timeWaitByPort } from "./time-wait";

const argv = process.argv.slice(2);
const short = argv.includes("--short");
const drift = argv.includes("--drift");
const N = Number(argv[argv.indexOf("--characters") + 1] ?? "") || (short ? 20 : 200);
const WORKERS = 8;
const FIRST_SYNTHETIC = 2113000001;
const CATCH_UP_SECONDS = 120;

const t = await createTestDatabase();
const sim = await startSimProcess().catch(async (error: unknown) => {
  await t.drop();
  throw error;
});
const url = sim.url;
const db = createDb(t.url, 10);
// As the job engine runs it: a rate limit fails fast and the run is retried later.
const esi = makeClient(db, url, { connections: 16, onLimit: "fail" });
const deps = updateDepsFrom({ db, esi });
const settings = DEFAULT_ENGINE_SETTINGS;
const sections = enabledSections(settings).map((s) => s.name);
const scopes = [...new Set(SECTIONS.flatMap((s) => s.scopes))];
let peakRss = 0;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

try {
  const characters = Array.from({ length: N }, (_, i) => FIRST_SYNTHETIC + i);
  for (const id of characters) await registerWithToken(db, url, id, { scopes });
  console.log(
    `update benchmark: ${N} characters × ${sections.length} sections (${sections.join(", ")}), ${WORKERS} workers`,
  );

  async function pass(name: string, force: boolean) {
    const before = esi.snapshot();
    const sim0 = await sim.stats();
    const started = performance.now();
    const outcomes: SectionRunOutcome[] = [];
    let limited = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < characters.length) {
          const id = characters[next++]!;
          for (const section of sections) {
            try {
              outcomes.push(await runCharacterSection(deps, id, section, { force, settings }));
            } catch (error) {
              // The error limit stops a job's run until ESI's budget is back (RetryAfterError); here it is counted.
              if (!(error instanceof EsiRateLimitedError)) throw error;
              limited += 1;
            }
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = esi.snapshot();
    const sim1 = await sim.stats();
    const written = outcomes.reduce((n, o) => n + (o.status === "updated" ? o.written : 0), 0);
    const failed = outcomes.filter((o) => o.status === "failed");
    const purged = outcomes.reduce(
      (n, o) => n + (o.status === "updated" || o.status === "unchanged" ? (o.purged ?? 0) : 0),
      0,
    );
    const deferred = limited + outcomes.filter((o) => o.status === "deferred").length;
    const warned = outcomes.filter((o) => "warnings" in o && (o.warnings?.length ?? 0) > 0).length;
    console.log(
      `${name.padEnd(30)} ${((N / seconds) * 60).toFixed(0).padStart(6)} characters/min  ${(written / seconds).toFixed(0).padStart(7)} rows/s  ` +
        `${written} section rows written  ${purged} purged  ${((after.requests - before.requests) / N).toFixed(1)} ESI requests/character  ` +
        `${after.notModified - before.notModified} 304s  ${sim1["420s"] - sim0["420s"]} 420s  ${failed.length} sections failed  ${deferred} deferred by rate limits  ${seconds.toFixed(1)} s` +
        (drift ? `  ${warned} section runs with ESI warnings` : ""),
    );
    if (failed.length) console.log(`  first failure: ${failed[0]!.status === "failed" ? failed[0]!.error : ""}`);
    const bySection = new Map<string, { runs: number; rows: number }>();
    for (const o of outcomes) {
      if (o.status !== "updated") continue;
      const entry = bySection.get(o.section) ?? { runs: 0, rows: 0 };
      entry.runs += 1;
      entry.rows += o.written;
      bySection.set(o.section, entry);
    }
    if (!force && bySection.size > 0 && name.includes("no change")) {
      console.log(
        `  sections that wrote: ${[...bySection].map(([s, e]) => `${s} ${e.runs}× ${e.rows} rows`).join(", ")}`,
      );
    }
  }

  /** Time passes: ESI's caches expire (data unchanged, same ETags) and so do our remembered expiries. */
  async function letCachesExpire() {
    await sim.expireCaches();
    esi.clearMemory();
    await db.sectionUpdateStatus.updateMany({ data: { cacheExpiresAt: null } });
    await db.sectionRouteCache.updateMany({ data: { expiresAt: null } });
  }

  /** As the job's retry would: sections deferred by a rate limit or failed in the cold pass run again, so pass 2 starts from a full load. */
  async function catchUp() {
    const pending = await db.sectionUpdateStatus.findMany({
      where: { OR: [{ isSuccess: { not: true } }, { isSuccess: null }] },
    });
    const loaded = new Set(
      (await db.sectionUpdateStatus.findMany({ select: { characterId: true, section: true } })).map(
        (s) => `${s.characterId}/${s.section}`,
      ),
    );
    const missing = characters.flatMap((id) =>
      sections.filter((s) => !loaded.has(`${id}/${s}`)).map((section) => ({ characterId: id, section })),
    );
    // A job's RetryAfterError waits for the window ESI names; a waiting client does the same here, within a
    // deadline: a shared bucket spent by a large cold load (killmail:public) refills over 15 minutes, and what is
    // left over is simply stale for the next scan, as in production.
    const waiting = makeClient(db, url, { connections: 16, onLimit: "wait", maxLimitWaitMs: 30_000 });
    const deadline = performance.now() + CATCH_UP_SECONDS * 1000;
    const retryDeps = updateDepsFrom({ db, esi: waiting });
    const queue = [...pending, ...missing];
    let caught = 0;
    let stillDeferred = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (performance.now() < deadline) {
          const item = queue.shift();
          if (!item) break;
          try {
            const outcome = await runCharacterSection(retryDeps, item.characterId, item.section, {
              force: false,
              settings,
            });
            if (outcome.status === "deferred") stillDeferred += 1;
            else caught += 1;
          } catch (error) {
            if (!(error instanceof EsiRateLimitedError)) throw error;
            stillDeferred += 1;
          }
        }
      }),
    );
    await waiting.close();
    console.log(
      `  catch-up after cold load: ${caught} sections run again, ${stillDeferred + queue.length} still deferred (catch-up limited to ${CATCH_UP_SECONDS} s)`,
    );
  }

  if (drift) await sim.injectFault({ kind: "drift", rate: 0.1 });
  await pass("1 cold load", false);
  await catchUp();
  await letCachesExpire();
  await pass("2 incremental, no change", false);
  for (const id of characters.filter((_, i) => i % 20 === 0)) await sim.mutateCharacter(id, "all");
  await letCachesExpire();
  await pass("3 incremental, 5% changed", false);
  for (const id of characters.filter((_, i) => i % 20 === 1)) await sim.mutateCharacter(id, "all");
  await letCachesExpire();
  await sim.injectFault({ kind: "status", status: 503, rate: 0.1 });
  await pass("4 as 3, 10% injected 5xx", false);
  await sim.clearFaults();
  // The kernel's high-water marks alongside the sample: 200 ms sampling can miss a short spike.
  const hwm = (bytes: number | undefined) => (bytes === undefined ? "n/a" : `${mb(bytes)} MB`);
  console.log(
    `peak RSS: app ${mb(peakRss)} MB sampled every 200 ms (VmHWM ${hwm(peakRssOf(process.pid))}); ` +
      `simulator child process ${hwm(sim.peakRss())} (VmHWM)`,
  );
  // Before the pools close (closing leaves one per connection, on purpose): what the run itself churned.
  const simPort = Number(new URL(url).port);
  const dbPort = Number(new URL(t.url).port || 5432);
  const waiting = timeWaitByPort([simPort, dbPort]);
  console.log(
    waiting
      ? `TIME_WAIT at the end: ${formatTimeWait(waiting.get(simPort))} to the simulator (:${simPort}, this run's alone; ` +
          `${esi.snapshot().requests} ESI requests made), ${formatTimeWait(waiting.get(dbPort))} to PostgreSQL (:${dbPort}, every process on the machine)`
      : "TIME_WAIT at the end: n/a (no `ss` here)",
  );
} finally {
  clearInterval(sampler);
  await esi.close();
  await db.$disconnect();
  await sim.stop();
  await t.drop();
}
