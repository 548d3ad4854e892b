// /api/health answers without the database; /api/ready checks the database, the
// migrations and the job engine, and answers 503 naming only the part that failed: the
// reasons (which migrations, the driver's message) go to the log, not to the caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "~/app/api/health/route";
import { createDb } from "~/server/db/client";
import { MIGRATIONS_DIR } from "~/server/db/migrate";
import { checkReady, pgBossAnswers } from "~/server/status/ready";
import { TEST_CIPHER_KEY } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testRunner } from "../support/job-runner";

let t: TestDatabase;
const logged: string[] = [];
const log = (line: string) => logged.push(line);

beforeAll(async () => {
  t = await createTestDatabase();
  // The runner installs pg-boss's schema, the embedded job engine.
  await testRunner(t.db, []).prepare();
});
afterAll(async () => {
  const holder = globalThis as { __memberauditDeps?: { db: { $disconnect(): Promise<void> } } };
  await holder.__memberauditDeps?.db.$disconnect();
  delete holder.__memberauditDeps;
  await t?.drop();
});

describe("liveness", () => {
  it("answers 200 without touching a database", async () => {
    const response = await health(new Request("http://app/api/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("readiness", () => {
  it("is ready with the database up, every migration applied and pg-boss installed", async () => {
    const result = await checkReady({
      db: t.db,
      migrationsDir: MIGRATIONS_DIR,
      jobEngine: () => pgBossAnswers(t.db),
      log,
    });
    expect(result).toEqual({ ready: true, checks: { database: "ok", migrations: "ok", jobs: "ok" } });
  });

  it("fails on the database when it cannot be reached, and checks nothing behind it", async () => {
    const gone = createDb("postgresql://postgres@127.0.0.1:9/nothing", 1);
    try {
      const result = await checkReady({
        db: gone,
        migrationsDir: MIGRATIONS_DIR,
        jobEngine: () => pgBossAnswers(gone),
        log,
      });
      expect(result).toEqual({ ready: false, checks: { database: "failed", migrations: "skipped", jobs: "skipped" } });
    } finally {
      await gone.$disconnect();
    }
  });

  it("fails on the job engine when pg-boss's schema is not there", async () => {
    const bare = await createTestDatabase();
    try {
      const result = await checkReady({
        db: bare.db,
        migrationsDir: MIGRATIONS_DIR,
        jobEngine: () => pgBossAnswers(bare.db),
        log,
      });
      expect(result).toEqual({ ready: false, checks: { database: "ok", migrations: "ok", jobs: "failed" } });
    } finally {
      await bare.drop();
    }
  });

  it("answers the route with 200, then 503 naming the migrations once one is missing, without saying which", async () => {
    Object.assign(process.env, {
      MEMBERAUDIT_MODE: "demo",
      DATABASE_URL: t.url,
      AUTH_SECRET: "a".repeat(32),
      TOKEN_ENCRYPTION_KEY: TEST_CIPHER_KEY,
    });
    const { GET: ready } = await import("~/app/api/ready/route");
    const first = await ready(new Request("http://app/api/ready"));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", jobs: "ok" } });

    const [last] = await t.db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await t.db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${last!.name}`;
    logged.length = 0;
    const second = await ready(new Request("http://app/api/ready"));
    expect(second.status).toBe(503);
    const body = await second.text();
    expect(JSON.parse(body)).toEqual({
      status: "unavailable",
      checks: { database: "ok", migrations: "failed", jobs: "ok" },
    });
    expect(body).not.toContain(last!.name);
  });

  it("logs which migrations are missing", async () => {
    logged.length = 0;
    const result = await checkReady({ db: t.db, migrationsDir: MIGRATIONS_DIR, log });
    expect(result.checks.migrations).toBe("failed");
    expect(result.checks.jobs).toBe("skipped");
    expect(logged.join("\n")).toMatch(/\[ready\] migrations: migrations not applied: \d{14}_/);
  });
});
