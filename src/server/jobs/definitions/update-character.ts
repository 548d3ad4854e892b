import { EsiRateLimitedError } from "~/server/esi/client";
import { resolveCharacterTypes } from "~/server/universe/types";
import type { EngineSettings } from "~/server/updates/engine-settings";
import { planCharacterUpdate, runCharacterSection } from "~/server/updates/update-character";
import type { SectionRunOutcome, StepRunner, UpdateDeps } from "~/server/updates/update-section";
import { characterUpdate } from "../events";
import { defineJob, type JobStep, NonRetriableJobError, RetryLaterError } from "../job";

/**
 * One character's update: each part of each section run is a step (updateSection's
 * one chunk loop), so a retry resumes after the parts already done and no step result
 * carries rows. A dead token ends the run without retries (its owner is told once). A
 * section whose own ESI bucket is spent is deferred by the engine; the global error
 * limit stops the whole run until ESI says it is back.
 */
const SECTIONS_AT_ONCE = 4;

export const updateCharacter = (deps: () => UpdateDeps, settings: EngineSettings) =>
  defineJob({
    id: "update-character",
    trigger: characterUpdate,
    retries: 3,
    concurrencyKeyField: "characterId",
    async handler({ event, step }) {
      const { characterId, sections, force } = event.data;
      const plan = await step.run("plan", () =>
        planCharacterUpdate(deps().db, characterId, { sections, now: new Date() }, settings),
      );
      const outcomes: SectionRunOutcome[] = [];
      // A few sections at a time: a run mostly waits on ESI, and a new character's first update is all 31 of them.
      // The first runs alone, so ESI's status (which the health gate reads at most once a minute) is read
      // once for the run. Step ids are the sections' own, so they stay distinct whatever order they end in.
      for (let i = 0; i < plan.length; ) {
        const size = i === 0 ? 1 : SECTIONS_AT_ONCE;
        const batch = await Promise.all(
          plan
            .slice(i, i + size)
            .map((name) => runCharacterSection(deps(), characterId, name, { force, settings }, asSteps(step))),
        );
        i += size;
        outcomes.push(...batch);
        const dead = batch.find((o) => o.status === "failed" && o.tokenInvalid);
        if (dead?.status === "failed") throw new NonRetriableJobError(`character ${characterId}: ${dead.error}`);
      }
      const updated = outcomes.filter((o) => o.status === "updated").length;
      if (updated > 0) await step.run("resolve-types", () => resolveCharacterTypes(deps(), characterId));
      const deferred = outcomes.filter((o) => o.status === "deferred").map((o) => o.section);
      return { characterId, sections: outcomes.length, updated, deferred };
    },
  });

/** Each part a step; an ESI limit that stops the run retries it when the limit says. */
function asSteps(step: JobStep): StepRunner {
  return (id, part) =>
    step.run(id, async () => {
      try {
        return await part();
      } catch (error) {
        if (error instanceof EsiRateLimitedError) throw new RetryLaterError(error.message, error.retryAt);
        throw error;
      }
    });
}
