// The app behind a real PgBouncer in transaction mode (docs/deploy/pgbouncer.md): a server connection
// is the client's only for one transaction, so nothing may rely on the session (named prepared
// statements, session advisory locks, LISTEN, SET outside a transaction). One test per way the app
// reaches the database: the migrator, the update engine end to end (Prisma through adapter-pg,
// interactive transactions with transaction-scoped advisory locks, bulk inserts, the ESI limiter's
// shared state), the embedded runner's queue (pg-boss over the pool's executeSql: fetch, complete,
// a retry written in an explicit transaction, a run ended for good) and the finder's paged reads.
// The whole suite runs behind one with TEST_PGBOUNCER=1 (tests/README.md).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { loadViewer } from "~/server/access/viewer";
import { createDb, type Db } from "~/server/db/client";
import { applyMigrations, readMigrations } from "~/server/db/migrate";
import { findCharacters } from "~/server/finder/character-finder";
import { defineEvent, defineJob, NonRetriableJobError, RetryLaterError } from "~/server/jobs/job";
import type { Simulator } from "~/simulator/server";
import { ADMIN_URL, createEmptyDatabase } from "../support/database";
import { testRunner } from "../support/job-runner";
import { type PgBouncer, startPgBouncer } from "../support/pgbouncer";
import { startSim } from "../support/simulator";
import { LOAD_SECTIONS, loadCharacters, registerLoadCharacters, runUpdateJobs } from "../support/update-jobs";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

type Database = Awaited<ReturnType<typeof createEmptyDatabase>>;
// Two: one server connection for the migrator (so two runs share it), three for the app's pool of five.
let single: PgBouncer;
let bouncer: PgBouncer;
let database: Database;
let db: Db;
let sim: Simulator;
let simUrl: string;
const databases: Database[] = [];

async function freshDatabase(): Promise<Database> {
  const d = await createEmptyDatabase();
  databases.push(d);
  return d;
}

beforeAll(async () => {
  single = await startPgBouncer({ server: ADMIN_URL, poolSize: 1 });
  bouncer = await startPgBouncer({ server: ADMIN_URL, poolSize: 3 });
  database = await freshDatabase();
  await applyMigrations(bouncer.urlFor(database.url));
  db = createDb(bouncer.urlFor(database.url), 5);
  ({ sim, url: simUrl } = await startSim());
});
afterAll(async () => {
  await db?.$disconnect();
  await sim?.close();
  await single?.stop();
  await bouncer?.stop();
  for (const d of databases) await d.drop();
});

describe("behind PgBouncer in transaction mode", () => {
  it("is a PgBouncer pooling per transaction", async () => {
    const config = await bouncer.admin("SHOW CONFIG");
    expect(config.find((row) => row.key === "pool_mode")?.value).toBe("transaction");
  });

  it("applies the migrations once when two processes migrate at once over one server connection", async () => {
    const fresh = await freshDatabase();
    const url = single.urlFor(fresh.url);
    const all = (await readMigrations()).map((m) => m.name);
    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect([...a, ...b].sort()).toEqual(all);
    expect(await applyMigrations(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`);
    // No lock left behind on the shared server connection: a session lock on the migrator's key is free.
    const { rows: free } = await client.query("SELECT pg_try_advisory_lock(72707369) AS got");
    await client.query("SELECT pg_advisory_unlock(72707369)");
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(free[0].got).toBe(true);
  });

  it("runs character updates end to end through the embedded runner", async () => {
    const characters = loadCharacters(8);
    await registerLoadCharacters(db, simUrl, characters);
    const outcomes = await runUpdateJobs(db, simUrl, characters, { concurrency: 4 });
    expect(outcomes.map((o) => o.status)).toEqual(characters.map(() => "completed"));
    const statuses = await db.sectionUpdateStatus.findMany({ where: { characterId: { in: characters } } });
    expect(statuses).toHaveLength(characters.length * LOAD_SECTIONS.length);
    expect(statuses.every((s) => s.isSuccess === true)).toBe(true);
    expect(await db.characterWalletJournalEntry.count({ where: { characterId: { in: characters } } })).toBeGreaterThan(
      0,
    );
    expect(await db.characterSkill.count({ where: { characterId: { in: characters } } })).toBeGreaterThan(0);
    // The tokens were refreshed (each under its transaction-scoped advisory lock) and stored.
    const tokens = await db.esiToken.findMany({ where: { characterId: { in: characters } } });
    expect(tokens.every((t) => (t.accessTokenExpiresAt?.getTime() ?? 0) > Date.now())).toBe(true);
  });

  it("takes, retries and finishes the queue's runs", async () => {
    const ping = defineEvent("test/bouncer-ping", z.object({ id: z.number() }));
    const attempts = new Map<number, number>();
    const job = defineJob({
      id: "bouncer-ping",
      trigger: ping,
      retries: 2,
      async handler({ event, step }) {
        const { id } = event.data;
        attempts.set(id, (attempts.get(id) ?? 0) + 1);
        await step.run("first", () => ({ id }));
        if (id === 2 && attempts.get(id) === 1) throw new RetryLaterError("later", new Date(Date.now() + 200));
        if (id >= 3) throw new NonRetriableJobError("never");
        return { id };
      },
    });
    const runner = testRunner(db, [job], { concurrency: 3 });
    await runner.start();
    // Ids 3 to 22 end for good at their first attempt, though their job has retries left.
    const ids = Array.from({ length: 22 }, (_, i) => i + 1);
    await runner.send(ids.map((id) => ({ name: ping.name, data: { id } })));
    await runner.idle();
    await runner.stop();
    const byStatus = runner.outcomes.map((o) => `${o.status}/${o.attempts}`).sort();
    expect(byStatus).toEqual(["completed/1", "completed/2", ...ids.slice(2).map(() => "failed/1")]);
    expect(Object.fromEntries(attempts)).toEqual(Object.fromEntries(ids.map((id) => [id, id === 2 ? 2 : 1])));
  });

  it("pages the finder through every character once", async () => {
    const ids = Array.from({ length: 60 }, (_, i) => 5000 + i);
    await db.eveCharacter.createMany({ data: ids.map((id) => ({ id, name: `Bouncer ${id}` })) });
    await db.character.createMany({ data: ids.map((id) => ({ id })) });
    await db.group.create({
      data: {
        id: "auditors",
        name: "Auditors",
        permissions: ["basic_access", "finder_access", "view_everything"],
        members: { create: { user: { create: { id: "auditor" } } } },
      },
    });
    const viewer = (await loadViewer(db, "auditor"))!;
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await findCharacters(db, viewer, { search: "bouncer", limit: 25, cursor });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(ids);
  });
});
