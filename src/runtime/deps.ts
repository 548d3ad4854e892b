// The process's shared dependencies, built from settings on first use. Domain
// functions never call this: they take what they need as arguments; entry points
// (routes, jobs, CLI) call appDeps() and pass it down.
import { env } from "~/env";
import type { SsoClientConfig } from "~/server/auth/sso-client";
import { createTokenCipher, type TokenCipher } from "~/server/crypto/token-cipher";
import { createDb, type Db } from "~/server/db/client";
import { createEsiClient, type EsiClient, userAgent } from "~/server/esi/client";
import { EsiMetrics } from "~/server/esi/metrics";
import { createTokenProvider } from "~/server/esi/tokens";
import type { EngineSettings } from "~/server/updates/engine-settings";

export interface AppDeps {
  db: Db;
  esi: EsiClient;
  cipher: TokenCipher;
  sso: SsoClientConfig;
  /** Section settings the pages read (roles on/off, stale minutes); defaults when absent (tests). */
  engine?: EngineSettings;
}

const holder = globalThis as unknown as { __memberauditDeps?: AppDeps };

export function appDeps(): AppDeps {
  if (!holder.__memberauditDeps) {
    const settings = env();
    if (!settings.databaseUrl) {
      throw new Error(
        "DATABASE_URL is not set: start the app with `npm start` or `npm run demo`, which provide the embedded database",
      );
    }
    const db = createDb(settings.databaseUrl, settings.databasePoolMax);
    const cipher = createTokenCipher(settings.tokenKeys);
    const sso: SsoClientConfig = { ...settings.sso, userAgent: userAgent(settings.esi.contact) };
    const metrics = new EsiMetrics();
    holder.__memberauditDeps = {
      db,
      // One client per process: one connection pool, limits shared with the other processes through the database.
      esi: createEsiClient({
        baseUrl: settings.esi.baseUrl,
        contact: settings.esi.contact,
        connections: settings.esi.connections,
        timeoutMs: settings.esi.timeoutMs,
        limiter: { errorLimitThreshold: settings.esi.errorLimitThreshold },
        // Limiter state is shared through the database when several processes may call ESI; the embedded
        // database has one process, and its single connection is better left to pages and section writes.
        db: settings.embeddedDatabase ? undefined : db,
        tokens: createTokenProvider({ db, cipher, sso, metrics }),
        metrics,
      }),
      cipher,
      sso,
      engine: settings.engine,
    };
  }
  return holder.__memberauditDeps;
}
