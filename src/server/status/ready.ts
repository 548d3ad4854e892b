// Readiness (/api/ready): the database answers, every checked-in migration is applied,
// and the job engine is reachable. Each check says only which part failed; the reason
// goes to the server log, never to the caller (no driver or SQL text in an answer).
import { readdir } from "node:fs/promises";
import type { Db } from "~/server/db/client";
import { logger } from "~/server/logging/logger";

export type ReadyPart = "database" | "migrations" | "jobs";

export interface ReadyResult {
  ready: boolean;
  checks: Record<ReadyPart, "ok" | "failed" | "skipped">;
}

export interface ReadyDeps {
  db: Db;
  migrationsDir: string;
  /** Resolves when the job engine answers; undefined when nothing can be checked from here. */
  jobEngine?: () => Promise<void>;
  timeoutMs?: number;
  log?: (line: string) => void;
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The checked-in migrations' names. Not db/migrate.ts's readMigrations: that module finds its folder
 * from import.meta.dirname, which a Next bundle lacks, and reads every file's SQL, which this needs not.
 */
async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

async function migrationsApplied(db: Db, dir: string): Promise<void> {
  const wanted = await migrationNames(dir);
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.name));
  const missing = wanted.filter((name) => !applied.has(name));
  if (missing.length > 0) throw new Error(`migrations not applied: ${missing.join(", ")}`);
}

/** The embedded runner's engine is pg-boss in the app's database: its schema must be installed and answer. */
export async function pgBossAnswers(db: Db): Promise<void> {
  await db.$queryRaw`SELECT version FROM pgboss.version LIMIT 1`;
}

/** A self-hosted Inngest server answers HTTP at its base URL (any status: it is up and listening). */
export async function httpAnswers(url: string, timeoutMs = 2000): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
  await response.body?.cancel();
}

export async function checkReady(deps: ReadyDeps): Promise<ReadyResult> {
  const ms = deps.timeoutMs ?? 3000;
  const log = deps.log ?? ((line: string) => logger().warn(line));
  const checks: ReadyResult["checks"] = { database: "failed", migrations: "skipped", jobs: "skipped" };
  const attempt = async (part: ReadyPart, work: () => Promise<void>) => {
    try {
      await within(ms, work());
      checks[part] = "ok";
    } catch (error) {
      checks[part] = "failed";
      log(`[ready] ${part}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await attempt("database", async () => {
    await deps.db.$queryRaw`SELECT 1`;
  });
  if (checks.database === "ok") {
    await attempt("migrations", () => migrationsApplied(deps.db, deps.migrationsDir));
    if (deps.jobEngine) await attempt("jobs", deps.jobEngine);
  }
  const ready = Object.values(checks).every((c) => c !== "failed");
  return { ready, checks };
}
