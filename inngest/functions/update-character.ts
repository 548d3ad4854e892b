import { NonRetriableError, RetryAfterError } from "inngest";
import { EsiRateLimitedError } from "~/server/esi/client";
import { defineJob } from "~/server/jobs/job";
import type { EngineSettings } from "~/server/updates/engine-settings";
import { planCharacterUpdate, runCharacterSection } from "~/server/updates/update-character";
import type { UpdateDeps } from "~/server/updates/update-section";
import { characterUpdate } from "../events";

/**
 * One character's update: a step per section, so a retry resumes after the sections
 * already done. A dead token ends the run without retries (its owner is notified
 * once); an ESI rate limit retries when ESI says the budget is back.
 */
export const updateCharacter = (deps: () => UpdateDeps, settings: EngineSettings) =>
  defineJob({
    id: "update-character",
    trigger: characterUpdate,
    retries: 3,
    concurrencyKeyField: "characterId",
    async handler({ event, step }) {
      const { characterId, sections, force } = event.data;
      const plan = await step.run("plan", () => planCharacterUpdate(deps().db, characterId, { sections, now: new Date() }, settings));
      const outcomes = [];
      for (const name of plan) {
        const outcome = await step.run(`section-${name}`, async () => {
          try {
            return await runCharacterSection(deps(), characterId, name, { force, settings });
          } catch (error) {
            if (error instanceof EsiRateLimitedError) throw new RetryAfterError(error.message, error.retryAt);
            throw error;
          }
        });
        outcomes.push(outcome);
        if (outcome.status === "failed" && outcome.tokenInvalid) {
          throw new NonRetriableError(`character ${characterId}: ${outcome.error}`);
        }
      }
      return { characterId, sections: outcomes.length, updated: outcomes.filter((o) => o.status === "updated").length };
    },
  });
