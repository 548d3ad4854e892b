// Every background job, and the same jobs as Inngest functions for /api/inngest.
import { cron, eventType, type InngestFunction } from "inngest";
import type { AppDeps } from "~/server/deps";
import { isCronTrigger, type JobDefinition } from "~/server/jobs/job";
import { inngest } from "./client";
import { expireSharesJob } from "./functions/expire-shares";
import { refreshCharacterPublic } from "./functions/refresh-character-public";
import { resolveEveTypes } from "./functions/resolve-eve-types";
import { refreshMarketPricesJob } from "./functions/refresh-market-prices";
import { updateCharacter } from "./functions/update-character";
import { refreshAllAffiliations, repairStuckUpdates, updateStaleCharacters } from "./functions/update-schedule";
import type { EngineSettings } from "~/server/updates/engine-settings";
import { updateDepsFrom } from "~/server/updates/update-deps";

export interface JobSettings {
  sharingTimeoutMinutes: number;
  engine: EngineSettings;
}

export function createJobs(deps: () => AppDeps, settings: JobSettings): JobDefinition<any>[] {
  const update = () => updateDepsFrom(deps());
  return [
    refreshCharacterPublic(deps),
    expireSharesJob(deps, settings),
    ...(settings.engine.updatesEnabled
      ? [updateCharacter(update, settings.engine), updateStaleCharacters(deps, settings.engine)]
      : []),
    repairStuckUpdates(deps),
    refreshAllAffiliations(deps),
    resolveEveTypes(deps),
    refreshMarketPricesJob(deps),
  ];
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
    },
    // The SDK's step tools are a superset of JobStep; its result type differs only by JSON typing.
    ({ event, step, attempt }) => job.handler({ event, step: step as never, attempt }),
  );
}
