// Each test file gets its own freshly migrated database on the machine's real
// PostgreSQL, and drops it afterwards. With TEST_PENDING_SCHEMA=1 (development
// only) schema edits without a migration yet are applied on top; CI never sets it,
// and the drift test fails while such edits lack their migration.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { closeAuditBuffer } from "~/server/audit/record";
import { createDb, type Db } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import { pendingMigrationSql } from "~/server/db/pending-migration";
import { type PgBouncer, startPgBouncer } from "./pgbouncer";

let pending: string | undefined;
function pendingSchemaSql(): string {
  if (process.env.TEST_PENDING_SCHEMA !== "1") return "";
  pending ??= pendingMigrationSql(path.resolve(import.meta.dirname, "../.."));
  return pending;
}

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// With TEST_PGBOUNCER=1 every test database is reached through one throwaway PgBouncer in transaction mode
// (support/pgbouncer.ts), migrations included; only creating and dropping databases go to the server itself.
let bouncer: Promise<PgBouncer> | undefined;
async function reachable(url: string): Promise<string> {
  if (process.env.TEST_PGBOUNCER !== "1") return url;
  bouncer ??= startPgBouncer({ server: ADMIN_URL, poolSize: 20, detached: true }).then((b) => {
    process.once("exit", () => b.killNow());
    return b;
  });
  return (await bouncer).urlFor(url);
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createEmptyDatabase(
  prefix = "ma_test",
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: await reachable(databaseUrl(name)),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  await applyMigrations(empty.url);
  const extra = pendingSchemaSql();
  if (extra) await runSql(empty.url, extra);
  const db = createDb(empty.url, 4);
  return {
    url: empty.url,
    db,
    async drop() {
      // The audit log buffers writes (src/server/audit/record.ts): write them before the database goes.
      await closeAuditBuffer(db);
      await db.$disconnect();
      await empty.drop();
    },
  };
}
