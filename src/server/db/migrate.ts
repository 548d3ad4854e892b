// Applies prisma/migrations/*/migration.sql to a PostgreSQL (real, or PGlite on its
// socket) and keeps Prisma's `_prisma_migrations` bookkeeping, so `prisma migrate
// status` reads the result as its own. We apply them ourselves because Prisma's
// deploy through a driver adapter is broken upstream (prisma/orm#27403).
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Prisma's own advisory-lock key, so our runs and Prisma's never interleave.
const LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../../prisma/migrations");

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    message: string,
  ) {
    super(`Migration ${migration}: ${message}`);
    this.name = "MigrationError";
  }
}

const BOOKKEEPING_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations in name order, each in its own transaction. Returns the names applied.
 * The lock is taken inside each migration's transaction (pg_advisory_xact_lock), and the bookkeeping read
 * again under it: behind PgBouncer in transaction mode a session lock would be taken on one server
 * connection and released on another (or never), and two processes sharing a server connection would both
 * hold it (docs/deploy/pgbouncer.md). No statement here depends on the session.
 */
export async function applyMigrations(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    for (;;) {
      const started = new Date();
      let next: Migration | undefined;
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
        await client.query(BOOKKEEPING_DDL);
        const { rows } = await client.query<AppliedRow>(
          `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
        );
        next = firstPending(migrations, rows);
        if (next) {
          await client.query(next.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
            [randomUUID(), next.checksum, next.name, started],
          );
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        if (error instanceof MigrationError || !next) throw error;
        throw new MigrationError(next.name, error instanceof Error ? error.message : String(error));
      }
      if (!next) return applied;
      applied.push(next.name);
      options.log?.(`applied migration ${next.name}`);
    }
  } finally {
    await client.end();
  }
}

/** The first migration not yet applied; an applied one that failed or was changed since stops the run. */
function firstPending(migrations: Migration[], rows: AppliedRow[]): Migration | undefined {
  const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
  for (const m of migrations) {
    const row = done.get(m.name);
    if (!row) return m;
    if (row.finished_at === null)
      throw new MigrationError(m.name, "a previous attempt failed; resolve it before migrating again");
    if (row.checksum !== m.checksum) throw new MigrationError(m.name, "migration.sql was changed after it was applied");
  }
  return undefined;
}
