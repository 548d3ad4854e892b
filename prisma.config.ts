// Prisma CLI configuration. The JS schema engine (WebAssembly) needs a driver
// adapter; an in-memory PGlite serves it. With PRISMA_DIFF_FROM_MIGRATIONS=1 that
// PGlite first replays the checked-in migrations, so `migrate diff
// --from-schema-datasource` compares them with prisma/schema (new migrations and
// the drift check are built on that). Migrations are applied to real databases
// by src/server/db/migrate.ts, never by the CLI.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// The schema's datasource must parse at generate time even where no database is configured.
process.env.DATABASE_URL ??= "postgresql://placeholder@localhost:5432/placeholder";

// The extensions the migrations create (src/server/db/embedded.ts, PGLITE_EXTENSIONS).
const newPGlite = () => new PGlite({ extensions: { pg_trgm } });

async function replayedMigrations(): Promise<PGlite> {
  const pglite = newPGlite();
  const dir = path.join(import.meta.dirname, "prisma/migrations");
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const name of names) await pglite.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
  return pglite;
}

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema",
  // pglite-prisma-adapter pins its own copy of driver-adapter-utils; the shapes agree at runtime.
  adapter: async () =>
    new PrismaPGlite(
      process.env.PRISMA_DIFF_FROM_MIGRATIONS === "1" ? await replayedMigrations() : newPGlite(),
    ) as never,
});
