// The embedded runner on a test database, tuned to answer in test time: quick polls,
// retries without delay, lapsed heartbeats and cron ticks checked every second.
import { createDb, type Db, sqlPoolOf } from "~/server/db/client";
import { EmbeddedRunner, type RunnerOptions } from "~/server/jobs/embedded-runner";
import type { JobDefinition } from "~/server/jobs/job";

export function testRunner(
  db: Db,
  jobs: JobDefinition<any>[],
  options: Partial<Omit<RunnerOptions, "db" | "sql">> = {},
): EmbeddedRunner {
  return new EmbeddedRunner(jobs, {
    db,
    sql: sqlPoolOf(db),
    pollIntervalMs: 100,
    retryDelaySeconds: 0,
    heartbeatSeconds: 10,
    superviseIntervalSeconds: 1,
    ...options,
  });
}

/** A second client on the same database: what another app process would hold. */
export function anotherProcessDb(url: string): Db {
  return createDb(url, 2);
}
