// The app's job definitions (src/server/jobs) as Inngest functions: triggers, retries
// and concurrency keys carried over, and the two errors that end a run early turned
// into the SDK's own, inside steps as well as around the handler. Each run's end (and
// each retried step) is counted in memberaudit_job_runs_total and, when the serve
// route hands a recorder in, recorded in job_run_records for /admin/status (docs/jobs.md).
import { cron, eventType, type InngestFunction, NonRetriableError, RetryAfterError, StepError } from "inngest";
import {
  isCronTrigger,
  isNonRetriable,
  type JobDefinition,
  type JobEventPayload,
  type JobStep,
  RetryLaterError,
} from "~/server/jobs/job";
import type { RunRecorder } from "~/server/jobs/run-records";
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

/** What a run's attempt ended in, for the metrics and the run records. */
type Ending = { outcome: "completed" } | { outcome: "retrying" | "failed"; error: unknown };

/** Counts an attempt's end in memberaudit_job_runs_total and records it; a record that cannot be written is logged. */
async function ended(job: JobDefinition<any>, runId: string, attempt: number, end: Ending, runs?: RunRecorder) {
  appMetrics().jobRuns.inc({ function: job.id, outcome: end.outcome === "retrying" ? "retried" : end.outcome });
  await runs
    ?.runEnded({ runId, fn: job.id, attempt, ...end })
    .catch((e) => console.warn(`[jobs] run record of ${job.id} not written: ${e instanceof Error ? e.message : e}`));
}

function failure(job: JobDefinition<any>, attempt: number, error: unknown): Ending {
  // A StepError reaching the handler is a step whose attempts are spent: the SDK does not retry the run for it.
  const final = isNonRetriable(error) || error instanceof StepError || attempt >= job.retries;
  return { outcome: final ? "failed" : "retrying", error };
}

/**
 * The SDK's step tools as the JobStep handlers know; step results come back JSON-typed, as JobStep promises.
 * A step that throws and will be retried ends the attempt (Inngest retries the step, the embedded runner the
 * run from its memoised steps); a step's last failure comes back to the handler, which then ends the run.
 */
function jobStep(step: SdkStep, onRetry: (error: unknown) => Promise<void>): JobStep {
  return {
    run: <T>(id: string, fn: () => Promise<T> | T) =>
      step.run(id, async () => {
        try {
          return await translated(async () => fn());
        } catch (error) {
          await onRetry(error);
          throw error;
        }
      }) as Promise<T>,
    sendEvent: (id, events) => step.sendEvent(id, events),
  };
}

/**
 * One job as an Inngest function. With `runs`, each run is also recorded in the app's
 * database (src/server/jobs/run-records.ts) for /admin/status; each attempt's end is
 * counted in memberaudit_job_runs_total either way.
 */
export function toInngestFunction(job: JobDefinition<any>, runs?: RunRecorder): InngestFunction.Any {
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
    async ({ event, step, attempt, runId }) => {
      await runs
        ?.runCalled({ runId, fn: job.id, attempt })
        .catch((e) =>
          console.warn(`[jobs] run record of ${job.id} not written: ${e instanceof Error ? e.message : e}`),
        );
      // A step failing for good is reported by the SDK (StepFailed) and thrown here on the next call, so only
      // the retried ones are counted at the step.
      const onStepError = async (error: unknown) => {
        const end = failure(job, attempt, error);
        if (end.outcome === "retrying") await ended(job, runId, attempt, end, runs);
      };
      // The handler returns or throws only on the call that ends the run (a call that stops at a new step
      // never settles), so each run's end is counted once.
      try {
        const result = await translated(() =>
          job.handler({ event, step: jobStep(step as unknown as SdkStep, onStepError), attempt }),
        );
        await ended(job, runId, attempt, { outcome: "completed" }, runs);
        return result;
      } catch (error) {
        await ended(job, runId, attempt, failure(job, attempt, error), runs);
        throw error;
      }
    },
  );
}
