// `memberaudit uninstall` against real throwaway PostgreSQL databases, run as an operator
// runs it (a separate process): afterwards the database holds exactly what it held before
// the app was installed; without confirmation nothing is dropped; what is not the app's stays.
import { PassThrough } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/server/db/client";
import { applyMigrations, readMigrations } from "~/server/db/migrate";
import { appObjectsFrom, planUninstall, uninstall } from "~/server/cli/uninstall";
import { confirmByName } from "../../scripts/uninstall-command";
import { runCli } from "../support/cli-process";
import { createEmptyDatabase } from "../support/database";
import { testRunner } from "../support/job-runner";

type Empty = Awaited<ReturnType<typeof createEmptyDatabase>>;

/** Every object a user could have made in the database: relations, types, functions, schemas, extensions, triggers. */
async function catalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const user = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";
    const { rows } = await client.query<{ o: string }>(`
      SELECT 'relation ' || n.nspname || '.' || c.relname AS o FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${user}
      UNION ALL SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE ${user}
      UNION ALL SELECT 'function ' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${user}
      UNION ALL SELECT 'schema ' || n.nspname FROM pg_namespace n WHERE ${user}
      UNION ALL SELECT 'extension ' || extname FROM pg_extension
      UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
      ORDER BY 1`);
    return rows.map((r) => r.o);
  } finally {
    await client.end();
  }
}

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Migrations applied and the embedded runner's queue installed, as `npm start` leaves a database. */
async function install(url: string): Promise<void> {
  await applyMigrations(url);
  const db = createDb(url, 2);
  const runner = testRunner(db, []);
  await runner.prepare();
  await runner.stop();
  await db.$disconnect();
}

const cli = (url: string, ...args: string[]) =>
  runCli({ databaseUrl: url, simulatorUrl: "http://127.0.0.1:9" }, ...args);

describe("memberaudit uninstall", () => {
  let alone: Empty;
  let shared: Empty;
  let before: string[];
  let sharedBefore: string[];

  beforeAll(async () => {
    [alone, shared] = await Promise.all([createEmptyDatabase("ma_uninstall"), createEmptyDatabase("ma_uninstall")]);
    before = await catalog(alone.url);
    await install(alone.url);
    // Another application's table and view beside the app's, in the same database.
    await sql(shared.url, "CREATE TABLE other_app_notes (id int PRIMARY KEY, body text)");
    sharedBefore = await catalog(shared.url);
    await install(shared.url);
  }, 120_000);
  afterAll(async () => {
    await alone?.drop();
    await shared?.drop();
  });

  it("finds every table of the Prisma schema among what the migrations create", async () => {
    const { Prisma } = await import("@prisma/client");
    const objects = appObjectsFrom(await readMigrations());
    for (const model of Prisma.dmmf.datamodel.models) expect(objects.tables).toContain(model.dbName ?? model.name);
    expect(objects.tables).toContain("_prisma_migrations");
    expect(objects.functions.length).toBeGreaterThan(0);
  });

  it("refuses without --yes when nobody can type the name, and drops nothing", async () => {
    const installed = await catalog(alone.url);
    expect(installed.length).toBeGreaterThan(before.length + 50);
    const run = await cli(alone.url, "uninstall");
    expect(run.code).toBe(2);
    expect(run.out).toContain("Nothing was dropped");
    expect(await catalog(alone.url)).toEqual(installed);
  }, 60_000);

  it("with --yes leaves the database exactly as it was before the app, and says what it dropped", async () => {
    const run = await cli(alone.url, "uninstall", "--yes");
    expect(run.out).toMatch(/Dropped from database/);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/\d+ tables:/);
    expect(run.out).toContain("_prisma_migrations");
    expect(run.out).toContain("schema pgboss");
    expect(run.out).toContain("skill_set_group_checks_refresh");
    expect(run.out).toContain("TokenStatus");
    expect(await catalog(alone.url)).toEqual(before);
    // Run again: nothing of the app's is left to drop.
    const again = await cli(alone.url, "uninstall", "--yes");
    expect(again.code).toBe(0);
    expect(again.out).toContain("holds nothing of the app's");
  }, 60_000);

  it("keeps another application's objects and the extension they may use", async () => {
    await sql(shared.url, "INSERT INTO other_app_notes VALUES (1, 'still here')");
    const run = await cli(shared.url, "uninstall", "--yes");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /kept extension pg_trgm: the database holds other objects \(relation public\.other_app_notes/,
    );
    const after = await catalog(shared.url);
    expect(after).toEqual(expect.arrayContaining(sharedBefore));
    // Left beyond what was there before: the extension and its own functions and types only.
    const extra = after.filter((o) => !sharedBefore.includes(o));
    expect(extra).toContain("extension pg_trgm");
    expect(extra.filter((o) => !/^(extension pg_trgm|function \S+|type public\._?gtrgm)$/.test(o))).toEqual([]);
    expect(extra.filter((o) => o.startsWith("function")).some((o) => o.includes("similarity"))).toBe(true);
    const client = new pg.Client({ connectionString: shared.url });
    await client.connect();
    expect((await client.query("SELECT body FROM other_app_notes")).rows).toEqual([{ body: "still here" }]);
    await client.end();
  }, 60_000);

  it("drops nothing when another application's view depends on an app table", async () => {
    const db = await createEmptyDatabase("ma_uninstall");
    try {
      await install(db.url);
      await sql(db.url, `CREATE VIEW other_app_users AS SELECT id FROM "User"`);
      const installed = await catalog(db.url);
      const run = await cli(db.url, "uninstall", "--yes");
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/Uninstall refused: other objects depend on the app's/);
      expect(await catalog(db.url)).toEqual(installed);
    } finally {
      await db.drop();
    }
  }, 120_000);

  it("stops with nothing dropped while the app still holds its tables", async () => {
    const db = await createEmptyDatabase("ma_uninstall");
    const app = new pg.Client({ connectionString: db.url });
    const operator = new pg.Client({ connectionString: db.url });
    try {
      await applyMigrations(db.url);
      await app.connect();
      await operator.connect();
      // A running app's open transaction that has read a table.
      await app.query(`BEGIN; SELECT count(*) FROM "Character"`);
      const installed = await catalog(db.url);
      const plan = await planUninstall(operator);
      await expect(uninstall(operator, plan, { lockTimeoutMs: 300 })).rejects.toThrow(/in use: stop the app/);
      await app.query("ROLLBACK");
      expect(await catalog(db.url)).toEqual(installed);
    } finally {
      await app.end().catch(() => undefined);
      await operator.end().catch(() => undefined);
      await db.drop();
    }
  }, 120_000);

  it("tells the embedded install to delete its data folder and changes nothing", async () => {
    const run = await runCli({ databaseUrl: "", simulatorUrl: "http://127.0.0.1:9" }, "uninstall", "--yes");
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/embedded database in .*pglite/);
    expect(run.out).toContain("Nothing was changed");
  }, 60_000);
});

describe("the uninstall prompt", () => {
  const answer = async (typed: string) => {
    const input = new PassThrough();
    const output = new PassThrough();
    const confirmed = confirmByName(input, output, "memberaudit_prod");
    input.end(`${typed}\n`);
    return confirmed;
  };

  it("confirms only when the database's name is typed exactly", async () => {
    expect(await answer("memberaudit_prod")).toBe(true);
    expect(await answer("yes")).toBe(false);
    expect(await answer("memberaudit")).toBe(false);
    expect(await answer("")).toBe(false);
  });

  it("lists what it would drop before asking", async () => {
    const db = await createEmptyDatabase("ma_uninstall");
    try {
      await applyMigrations(db.url);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const plan = await planUninstall(client);
      await client.end();
      expect(plan.database).toBe(db.name);
      expect(plan.tables).toContain("User");
      expect(plan.queueSchema).toBe(false);
      expect(plan.extensions).toEqual(["pg_trgm"]);
    } finally {
      await db.drop();
    }
  }, 60_000);
});
