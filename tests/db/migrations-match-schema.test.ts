// A fresh database migrated by our migrator must equal one built straight from
// prisma/schema: same tables, columns, constraints, indexes and enums (no drift).
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyMigrations, readMigrations } from "~/server/db/migrate";
import { createEmptyDatabase } from "../support/database";

// Whole-process work (child processes, a full section load): slow on a loaded 2-core machine, not a speed check.
vi.setConfig({ testTimeout: 120_000 });

const root = path.resolve(import.meta.dirname, "../..");

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => JSON.stringify(r)).sort();
    return {
      columns:
        await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
                        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      constraints: await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
                            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`),
      indexes: await q(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      ),
      enums: await q(
        `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`,
      ),
    };
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  let migrated: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let fromSchema: Awaited<ReturnType<typeof createEmptyDatabase>>;

  beforeAll(async () => {
    migrated = await createEmptyDatabase();
    fromSchema = await createEmptyDatabase();
  });
  afterAll(async () => {
    await migrated?.drop();
    await fromSchema?.drop();
  });

  it("applies every migration once and records Prisma's bookkeeping", async () => {
    const all = await readMigrations();
    expect(await applyMigrations(migrated.url)).toEqual(all.map((m) => m.name));
    expect(await applyMigrations(migrated.url)).toEqual([]);
    const client = new pg.Client({ connectionString: migrated.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(all.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(all.map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("matches prisma/schema exactly (no drift)", async () => {
    const sql = execFileSync(
      process.execPath,
      [
        path.join(root, "node_modules/prisma/build/index.js"),
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema",
        "--script",
      ],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    // Prisma's schema names no extensions (that is a preview feature): the migrations create pg_trgm, the search's index needs it.
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await client.query(sql);
    await client.end();
    const [a, b] = await Promise.all([catalog(migrated.url), catalog(fromSchema.url)]);
    expect(a.columns.length).toBeGreaterThan(20);
    expect(a).toEqual(b);
  });
});
