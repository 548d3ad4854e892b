import "server-only";
import { env } from "~/env";
import { createDb, type Db } from "./client";

// One client per process; Next's dev reloads would otherwise open a pool per reload.
const holder = globalThis as unknown as { __memberauditDb?: Db };

export function db(): Db {
  if (!holder.__memberauditDb) {
    const settings = env();
    if (!settings.databaseUrl) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run demo`, which provide the embedded database");
    }
    holder.__memberauditDb = createDb(settings.databaseUrl, settings.databasePoolMax);
  }
  return holder.__memberauditDb;
}
