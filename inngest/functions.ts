// The app's job definitions (src/server/jobs) as Inngest functions: triggers, retries
// and concurrency keys carried over, and the two errors that end a run early turned
// into the SDK's own, inside steps as well as around the handler.
import { cron, eventType, type InngestFunction, NonRetriableError, RetryAfterError } from "inngest";
import {
  isCronTrigger,
  isNonRetriable,
  type JobDefinition,
  type JobEventPayload,
  type JobStep,
  RetryLaterError,
} from "~/server/jobs/job";
import { appMetrics } from "~/server/metrics/registry";
import { inngest } from "./client";

/** Inngest's priority factor: seconds a run moves ahead of runs queued before it (at most 600). */
export const USER_AHEAD = `event.data.priority == "backlog" ? 0 : 600`;

function sdkError(error: unknown): unknown {
  if (error instanceof RetryLaterError) return new RetryAfterError(error.message, error.retryAt);
  if (isNonRetriable(error) && !(error instanceof NonRetriableError)) {
    return new NonRetriableError(error instanceof Error ? error.message : String(error));
  }
  return error;
}

async function translated<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw sdkError(error);
  }
}

interface SdkStep {
  run<T>(id: string, fn: () => Promise<T>): Promise<unknown>;
  sendEvent(id: string, events: JobEventPayload | JobEventPayload[]): Promise<unknown>;
}

/** The SDK's step tools as the JobStep handlers know; step results come back JSON-typed, as JobStep promises. */
function jobStep(step: SdkStep): JobStep {
  return {
    run: <T>(id: string, fn: () => Promise<T> | T) => step.run(id, () => translated(async () => fn())) as Promise<T>,
    sendEvent: (id, events) => step.sendEvent(id, events),
  };
}

export function toInngestFunction(job: JobDefinition<any>): InngestFunction.Any {
  return inngest.createFunction(
    {
      id: job.id,
      retries: job.retries as 3,
      triggers: [
        isCronTrigger(job.trigger)
          ? cron(`TZ=UTC ${job.trigger.cron}`)
          : eventType(job.trigger.name, { schema: job.trigger.schema as never }),
      ],
      concurrency: job.concurrencyKeyField ? [{ key: `event.data.${job.concurrencyKeyField}`, limit: 1 }] : undefined,
      // User actions (no priority, or "user") start up to 10 minutes ahead of the periodic backlog (job.ts, JOB_PRIORITIES).
      priority: isCronTrigger(job.trigger) ? undefined : { run: USER_AHEAD },
    },
    async ({ event, step, attempt }) => {
      // The handler returns or throws only on the call that ends the run's attempt (a call that stops at a new
      // step never settles), so each attempt is counted once, like the embedded runner counts its runs.
      try {
        const result = await translated(() => job.handler({ event, step: jobStep(step as unknown as SdkStep), attempt }));
        appMetrics().jobRuns.inc({ function: job.id, outcome: "completed" });
        return result;
      } catch (error) {
        const final = isNonRetriable(error) || attempt >= job.retries;
        appMetrics().jobRuns.inc({ function: job.id, outcome: final ? "failed" : "retried" });
        throw error;
      }
    },
  );
}
