// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the checked-in migrations to the schema in prisma/schema/.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pendingMigrationSql } from "~/server/db/pending-migration";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits, underscores)");
  process.exit(2);
}
const sql = pendingMigrationSql(root);
if (!sql) {
  console.log("prisma/schema matches the migrations: nothing to generate");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
