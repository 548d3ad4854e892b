import { EsiRateLimitedError } from "~/server/esi/client";
import { resolveCharacterTypes } from "~/server/universe/types";
import type { EngineSettings } from "~/server/updates/engine-settings";
import { planCharacterUpdate, runCharacterSection } from "~/server/updates/update-character";
import type { SectionRunOutcome, StepRunner, UpdateDeps } from "~/server/updates/update-section";
import { characterUpdate, complianceRecompute } from "../events";
import { defineJob, type JobStep, NonRetriableJobError, RetryLaterError } from "../job";

/**
 * One character's update: each part of each section run is a step (updateSection's
 * one chunk loop), so a retry resumes after the parts already done and no step result
 * carries rows. A dead token ends the run without retries (its owner is told once). A
 * section whose own ESI bucket is spent is deferred by the engine; the global error
 * limit stops the whole run until ESI says it is back.
 */

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
      // One section at a time: Inngest's test engine (and the admin tests on it) did not finish a run whose
      // sections ran as parallel steps, so parallel sections wait until that is understood (docs/jobs.md).
      for (const name of plan) {
        const outcome = await runCharacterSection(deps(), characterId, name, { force, settings }, asSteps(step));
        outcomes.push(outcome);
        // The types this section stored are named right after it lands, not once the whole run is done: a new
        // character's assets tab is opened while the later sections still load, and should show volumes at once.
        if (outcome.status === "updated")
          await step.run(`section-${name}-types`, () => resolveCharacterTypes(deps(), characterId));
        if (outcome.status === "failed" && outcome.tokenInvalid) {
          // A token change is a compliance trigger (docs/compliance.md): its owner's groups are recomputed.
          const owners = await step.run("token-owner", async () =>
            (await deps().db.characterOwnership.findMany({ where: { characterId }, select: { userId: true } })).map(
              (o) => o.userId,
            ),
          );
          if (owners.length > 0)
            await step.sendEvent("recompute-compliance", { name: complianceRecompute.name, data: { userIds: owners } });
          throw new NonRetriableJobError(`character ${characterId}: ${outcome.error}`);
        }
      }
      const updated = outcomes.filter((o) => o.status === "updated").length;
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
