// Every background job, and the same jobs as Inngest functions for /api/inngest.
import { cron, eventType, type InngestFunction } from "inngest";
import type { AppDeps } from "~/server/deps";
import { isCronTrigger, type JobDefinition } from "~/server/jobs/job";
import { inngest } from "./client";
import { expireSharesJob } from "./functions/expire-shares";
import { refreshCharacterPublic } from "./functions/refresh-character-public";

export interface JobSettings {
  sharingTimeoutMinutes: number;
}

export function createJobs(deps: () => AppDeps, settings: JobSettings): JobDefinition<any>[] {
  return [refreshCharacterPublic(deps), expireSharesJob(deps, settings)];
}

export function toInngestFunction(job: JobDefinition<any>): InngestFunction.Any {
  return inngest.createFunction(
    {
      id: job.id,
      retries: job.retries as 3,
      triggers: [isCronTrigger(job.trigger) ? cron(`TZ=UTC ${job.trigger.cron}`) : eventType(job.trigger.name, { schema: job.trigger.schema as never })],
      concurrency: job.concurrencyKeyField ? [{ key: `event.data.${job.concurrencyKeyField}`, limit: 1 }] : undefined,
    },
    // The SDK's step tools are a superset of JobStep; its result type differs only by JSON typing.
    ({ event, step, attempt }) => job.handler({ event, step: step as never, attempt }),
  );
}


