// The SQL that takes the checked-in migrations to the schema in prisma/schema/.
// Prisma's --from-migrations needs a shadow database, which the WASM engine lacks,
// so the migrations are replayed into an in-memory PGlite (prisma.config.ts),
// introspected, and the result diffed against the schema. Used to write new
// migrations (scripts/new-migration.ts) and, in development, to test schema edits
// before their migration exists (TEST_PENDING_SCHEMA=1, tests/support/database.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function pendingMigrationSql(root: string): string {
  const prisma = (args: string[], env: Record<string, string> = {}) =>
    execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ...env } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "inherit"],
    });
  const current = path.join(mkdtempSync(path.join(tmpdir(), "ma-migration-")), "current.prisma");
  writeFileSync(current, 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n');
  const pulled = prisma(["db", "pull", "--print", "--schema", current], { PRISMA_DIFF_FROM_MIGRATIONS: "1" });
  // Prisma prints an adapter warning on stdout before the schema.
  writeFileSync(current, pulled.slice(pulled.indexOf("datasource db")));
  const sql = prisma([
    "migrate",
    "diff",
    "--from-schema-datamodel",
    current,
    "--to-schema-datamodel",
    "prisma/schema",
    "--script",
  ]);
  return /^(CREATE|ALTER|DROP)/m.test(sql) ? sql : "";
}
