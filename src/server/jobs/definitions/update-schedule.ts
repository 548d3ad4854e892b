import { knownCharacterIds } from "~/server/universe/public-characters";
import type { Db } from "~/server/db/client";
import { enabledSections, type EngineSettings } from "~/server/updates/engine-settings";
import { repairStuckSections } from "~/server/updates/maintenance";
import { findStaleSections } from "~/server/updates/stale";
import { characterPublicRefresh, characterUpdate } from "../events";
import { defineJob } from "../job";

const BATCH = 1000; // events per send (Inngest takes up to 5,000)

/** The periodic scan: finds every character with stale sections in one query and fans out one event each. */
export const updateStaleCharacters = (deps: () => { db: Db }, settings: EngineSettings) =>
  defineJob({
    id: "update-stale-characters",
    trigger: { cron: settings.updateCron },
    retries: 2,
    async handler({ step }) {
      const due = await step.run("find-stale", async () => {
        const plan = await findStaleSections(deps().db, {
          sections: enabledSections(settings),
          staleMinutes: settings.staleMinutes,
          now: new Date(),
        });
        return [...plan.keys()];
      });
      // One run per character and scan window, even if scans overlap (Inngest's event-id dedupe).
      const window = Math.floor(Date.now() / (15 * 60_000));
      for (let i = 0; i < due.length; i += BATCH) {
        await step.sendEvent(
          `fan-out-${i / BATCH}`,
          due.slice(i, i + BATCH).map((characterId) => ({
            name: characterUpdate.name,
            data: { characterId, priority: "backlog" as const },
            id: `update-${characterId}-${window}`,
          })),
        );
      }
      return { characters: due.length };
    },
  });

/** Hourly: marks section runs that never finished as failed, so the next scan picks them up. */
export const repairStuckUpdates = (deps: () => { db: Db }) =>
  defineJob({
    id: "repair-stuck-updates",
    trigger: { cron: "7 * * * *" },
    retries: 2,
    handler: ({ step }) => step.run("repair", () => repairStuckSections(deps().db, new Date())),
  });

/** Daily after EVE's downtime: refreshes every known character's public details and affiliation. */
export const refreshAllAffiliations = (deps: () => { db: Db }) =>
  defineJob({
    id: "refresh-all-affiliations",
    trigger: { cron: "30 11 * * *" },
    retries: 2,
    async handler({ step }) {
      const ids = await step.run("list", () => knownCharacterIds(deps().db));
      for (let i = 0; i < ids.length; i += BATCH) {
        await step.sendEvent(`refresh-${i / BATCH}`, {
          name: characterPublicRefresh.name,
          data: { characterIds: ids.slice(i, i + BATCH), priority: "backlog" },
        });
      }
      return { characters: ids.length };
    },
  });
