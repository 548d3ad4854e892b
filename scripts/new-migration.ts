// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the checked-in migrations to the schema in prisma/schema/.
// Prisma's --from-migrations needs a shadow database, which the WASM engine lacks,
// so the migrations are replayed into an in-memory PGlite, introspected, and diffed.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits, underscores)");
  process.exit(2);
}
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
const sql = prisma(["migrate", "diff", "--from-schema-datamodel", current, "--to-schema-datamodel", "prisma/schema", "--script"]);
if (!/^(CREATE|ALTER|DROP)/m.test(sql)) {
  console.log("prisma/schema matches the migrations: nothing to generate");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
