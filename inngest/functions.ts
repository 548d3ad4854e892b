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
import { withLogContext } from "~/server/logging/context";
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

function characterIdOf(data: unknown): number | undefined {
  const id = (data as { characterId?: unknown } | undefined)?.characterId;
  return typeof id === "number" ? id : undefined;
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
    ({ event, step, attempt, runId }) =>
      // Every line logged during the run carries the job, the run and the character (src/server/logging).
      withLogContext({ job: job.id, runId, characterId: characterIdOf(event.data) }, () =>
        translated(() => job.handler({ event, step: jobStep(step as unknown as SdkStep), attempt })),
      ),
  );
}
