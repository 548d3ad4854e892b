// Where this process's job events go: to Inngest when it is configured, else to the
// embedded runner, which then also runs the schedules (src/instrumentation.ts starts
// it). Both take the same job list (src/server/jobs/definitions).
import { inngest } from "@inngest-fns/client";
import { env } from "~/env";
import { sqlPoolOf } from "~/server/db/client";
import type { AppDeps } from "~/server/deps";
import { createJobs } from "~/server/jobs/definitions";
import { EmbeddedRunner } from "~/server/jobs/embedded-runner";
import type { JobDefinition, JobEventPayload } from "~/server/jobs/job";
import { logger } from "~/server/logging/logger";

const holder = globalThis as unknown as { __memberauditRunner?: EmbeddedRunner };

/** The app's jobs, with the process's dependencies and settings. */
export function jobsFor(deps: () => AppDeps): JobDefinition<any>[] {
  return createJobs(deps, env());
}

/** The process's one embedded runner: its queue in the app's database, over the app's own pool. */
export function embeddedRunnerFor(deps: () => AppDeps): EmbeddedRunner {
  if (!holder.__memberauditRunner) {
    const { db } = deps();
    holder.__memberauditRunner = new EmbeddedRunner(jobsFor(deps), {
      db,
      sql: sqlPoolOf(db),
      concurrency: env().jobConcurrency,
      log: (line) => logger().warn({ component: "jobs" }, line),
    });
  }
  return holder.__memberauditRunner;
}

/** The process's embedded runner if one was made (for the shutdown, which makes none). */
export function existingRunner(): EmbeddedRunner | undefined {
  return holder.__memberauditRunner;
}

/** Delivers events the sender has checked already (checkedSender). */
export function jobDelivery(deps: () => AppDeps): (events: JobEventPayload[]) => Promise<void> {
  return async (events) => {
    if (env().inngest.enabled) await inngest.send(events);
    else await embeddedRunnerFor(deps).send(events);
  };
}
