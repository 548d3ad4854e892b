// npm run db:migrate: applies checked-in migrations to DATABASE_URL, or to the
// embedded database in DATA_DIR (default .data) when DATABASE_URL is not set.
import path from "node:path";
import { startEmbeddedPostgres } from "~/server/db/embedded";
import { applyMigrations } from "~/server/db/migrate";

const url = process.env.DATABASE_URL;
const embedded = url
  ? null
  : await startEmbeddedPostgres({ dataDir: path.resolve(process.env.DATA_DIR ?? ".data", "pglite"), port: 0 });
try {
  const applied = await applyMigrations(url ?? embedded!.url, { log: (line) => console.log(line) });
  console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
