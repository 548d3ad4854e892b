// The process's Prometheus metrics (prom-client), served by /api/metrics. One registry
// per process, kept on globalThis: Next bundles route handlers and the start-up hook
// separately, and each bundle would otherwise count into a registry of its own.
// This layer imports nothing of the app, so every layer may count into it; what only
// a higher layer can read (the database pool, the ESI error limit) is handed in as a
// source (setMetricSources) and read when Prometheus scrapes.
import { Counter, Gauge, Histogram, Registry } from "prom-client";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const SECTION_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export interface PoolCounts {
  total: number;
  idle: number;
  waiting: number;
}

/** Read at scrape time; a source that fails leaves its gauge unset for that scrape. */
export interface MetricSources {
  pool?: () => PoolCounts;
  errorLimitRemaining?: () => Promise<number | null>;
}

function build() {
  const registry = new Registry();
  const sources: MetricSources = {};
  const httpDuration = new Histogram({
    name: "memberaudit_http_request_duration_seconds",
    help: "Duration of HTTP requests to the app's route handlers",
    labelNames: ["method", "route", "status"] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const trpcDuration = new Histogram({
    name: "memberaudit_trpc_procedure_duration_seconds",
    help: "Duration of tRPC procedure calls",
    labelNames: ["procedure", "type", "outcome"] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const esiRequests = new Counter({
    name: "memberaudit_esi_requests_total",
    help: "ESI requests by rate-limit route group and HTTP status (0: no response; not-expired/memory: answered from cache)",
    labelNames: ["group", "status"] as const,
    registers: [registry],
  });
  const esiErrorLimit = new Gauge({
    name: "memberaudit_esi_error_limit_remaining",
    help: "ESI error-limit budget left in the current window, as last reported by ESI (absent when unknown)",
    registers: [registry],
    async collect() {
      this.reset();
      const remain = await sources.errorLimitRemaining?.().catch(() => null);
      if (remain !== null && remain !== undefined) this.set(remain);
    },
  });
  const jobRuns = new Counter({
    name: "memberaudit_job_runs_total",
    help: "Job runs this process ended, by job function and outcome",
    labelNames: ["function", "outcome"] as const,
    registers: [registry],
  });
  const sectionDuration = new Histogram({
    name: "memberaudit_section_update_duration_seconds",
    help: "Section update runs from start to recorded outcome, by section and outcome",
    labelNames: ["section", "outcome"] as const,
    buckets: SECTION_SECONDS,
    registers: [registry],
  });
  const poolGauge = (name: string, help: string, read: (c: PoolCounts) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        const counts = sources.pool?.();
        if (counts) this.set(read(counts));
      },
    });
  poolGauge(
    "memberaudit_db_pool_in_use",
    "Database connections checked out of the app's pool",
    (c) => c.total - c.idle,
  );
  poolGauge("memberaudit_db_pool_idle", "Idle database connections in the app's pool", (c) => c.idle);
  poolGauge("memberaudit_db_pool_waiting", "Queries waiting for a connection of the app's pool", (c) => c.waiting);
  return { registry, sources, httpDuration, trpcDuration, esiRequests, esiErrorLimit, jobRuns, sectionDuration };
}

export type AppMetrics = ReturnType<typeof build>;

const holder = globalThis as unknown as { __memberauditMetrics?: AppMetrics };

/** The process's metrics, made on first use. */
export function appMetrics(): AppMetrics {
  holder.__memberauditMetrics ??= build();
  return holder.__memberauditMetrics;
}

/** Hands the scrape-time sources in (the composition root does, once per process). */
export function setMetricSources(sources: MetricSources): void {
  Object.assign(appMetrics().sources, sources);
}

/** The Prometheus text exposition of every metric, and its content type. */
export async function exposition(): Promise<{ body: string; contentType: string }> {
  const { registry } = appMetrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

/** Seconds since `startMs` (performance.now()), for the histograms. */
export function secondsSince(startMs: number): number {
  return (performance.now() - startMs) / 1000;
}
