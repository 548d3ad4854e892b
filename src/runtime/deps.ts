// The process's shared dependencies, built from the settings on first use: the one
// place that reads them (with src/runtime/jobs.ts). Domain functions never call this:
// entry points (routes, pages, jobs, CLI) call appDeps() and pass what is needed down.
import { env } from "~/env";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { createDb, poolCounts } from "~/server/db/client";
import type { AppDeps } from "~/server/deps";
import { createEsiClient, userAgent } from "~/server/esi/client";
import { EsiMetrics } from "~/server/esi/metrics";
import { createTokenProvider } from "~/server/esi/tokens";
import { configureLogging } from "~/server/logging/logger";
import type { SsoClientConfig } from "~/server/identity/sso-client";
import type { EmbeddedRunner } from "~/server/jobs/embedded-runner";
import { checkedSender } from "~/server/jobs/events";
import type { JobDefinition } from "~/server/jobs/job";
import { setMetricSources } from "~/server/metrics/registry";
import { inngestDashboardUrl } from "~/server/status/overview";
import { embeddedRunnerFor, jobDelivery, jobsFor } from "./jobs";

const holder = globalThis as unknown as { __memberauditDeps?: AppDeps; __memberauditLogging?: boolean };

/** The process's logger set from LOG_LEVEL and LOG_FORMAT, once (src/server/logging). */
export function configureAppLogging(): void {
  if (holder.__memberauditLogging) return;
  holder.__memberauditLogging = true;
  configureLogging(env().log);
}

/** The process's dependencies if they have been built (for the shutdown, which builds nothing). */
export function existingAppDeps(): AppDeps | undefined {
  return holder.__memberauditDeps;
}

export function appDeps(): AppDeps {
  if (!holder.__memberauditDeps) {
    configureAppLogging();
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
      sendEvents: checkedSender(jobDelivery(appDeps)),
      engine: settings.engine,
      jobEngine: settings.inngest.enabled
        ? { kind: "inngest", dashboardUrl: inngestDashboardUrl(settings.inngest.baseUrl, settings.inngest.dev) }
        : { kind: "embedded" },
      webhooks: settings.webhooks,
      complianceGraceHours: settings.complianceGraceHours,
      exports: settings.exports,
    };
    const { esi } = holder.__memberauditDeps;
    setMetricSources({
      pool: () => poolCounts(db),
      errorLimitRemaining: async () => (await esi.limiterState?.())?.errorLimit.remain ?? null,
    });
  }
  return holder.__memberauditDeps;
}

/** The app's background jobs (for /api/inngest and the embedded runner). */
export function appJobs(): JobDefinition<any>[] {
  return jobsFor(appDeps);
}

/** The embedded runner, when no Inngest server is configured. */
export function appRunner(): EmbeddedRunner {
  return embeddedRunnerFor(appDeps);
}
