import { NonRetriableError, RetryAfterError } from "inngest";
import { EsiRateLimitedError } from "~/server/esi/client";
import { resolveTypes, unknownReferencedTypeIds } from "~/server/universe/types";
import { defineJob } from "~/server/jobs/job";
import type { EngineSettings } from "~/server/updates/engine-settings";
import {
  beginCharacterSection,
  finishCharacterSection,
  planCharacterUpdate,
  writeCharacterSectionChunk,
} from "~/server/updates/update-character";
import type { UpdateDeps } from "~/server/updates/update-section";
import { characterUpdate } from "../events";

/**
 * One character's update: a step per section, so a retry resumes after the sections
 * already done. A large section (assets) is several steps: fetch and stage, one step
 * per chunk of MEMBERAUDIT_ASSETS_CHUNK_SIZE rows, finish; only counts and ids cross
 * step boundaries, the rows wait in the database. A dead token ends the run without retries (its owner is notified
 * once). A section whose own ESI rate-limit bucket (e.g. char-wallet) is spent is deferred: its failed status makes
 * it stale for the next scheduled scan, when the bucket has refilled, and the other sections go on now instead of
 * waiting up to 15 minutes behind it. The global error limit stops the whole run until ESI says it is back.
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
      const outcomes = [];
      const retryLater = async <T>(run: () => Promise<T>): Promise<T> => {
        try {
          return await run();
        } catch (error) {
          if (error instanceof EsiRateLimitedError) throw new RetryAfterError(error.message, error.retryAt);
          throw error;
        }
      };
      const deferOnBucketLimit = async <T>(name: string, run: () => Promise<T>) => {
        try {
          return await run();
        } catch (error) {
          if (error instanceof EsiRateLimitedError && error.limit === "rate-limit") {
            return { section: name, status: "deferred" as const, retryAt: error.retryAt.toISOString() };
          }
          throw error;
        }
      };
      const deferred: string[] = [];
      for (const name of plan) {
        const begun = await step.run(`section-${name}`, () =>
          retryLater(() =>
            deferOnBucketLimit(name, () => beginCharacterSection(deps(), characterId, name, { force, settings })),
          ),
        );
        if (begun.status === "deferred") {
          deferred.push(name);
          continue;
        }
        let outcome: Exclude<typeof begun, { status: "staged" } | { status: "deferred" }>;
        if (begun.status === "staged") {
          let written = 0;
          let failed: Extract<typeof outcome, { status: "failed" }> | undefined;
          for (let index = 0; index < begun.chunks && !failed; index++) {
            const chunk = await step.run(`section-${name}-chunk-${index}`, () =>
              retryLater(() => writeCharacterSectionChunk(deps(), characterId, name, index, settings)),
            );
            if (chunk.status === "failed") failed = chunk;
            else written += chunk.written;
          }
          outcome =
            failed ??
            (await step.run(`section-${name}-finish`, () =>
              retryLater(() => finishCharacterSection(deps(), characterId, name, begun, written, settings)),
            ));
        } else {
          outcome = begun;
        }
        outcomes.push(outcome);
        if (outcome.status === "failed" && outcome.tokenInvalid) {
          throw new NonRetriableError(`character ${characterId}: ${outcome.error}`);
        }
      }
      // Name the EVE types this run stored, so a new character's sheet reads well at once rather than after the
      // next resolve-eve-types sweep. Only after something changed; a failure here costs nothing but names.
      if (outcomes.some((o) => o.status === "updated")) {
        await step.run("resolve-types", async () => {
          const ids = await unknownReferencedTypeIds(deps().db, 2_000, characterId);
          const resolved = ids.length > 0 ? await resolveTypes(deps(), ids).catch(() => null) : null;
          return { unknown: ids.length, stored: resolved?.stored ?? 0 };
        });
      }
      return {
        characterId,
        sections: outcomes.length + deferred.length,
        updated: outcomes.filter((o) => o.status === "updated").length,
        deferred,
      };
    },
  });
