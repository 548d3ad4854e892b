import { syncAffiliationNames } from "~/server/universe/affiliation-names";
import { type PublicDetailsDeps, refreshCharacterPublicDetails } from "~/server/universe/public-characters";
import { characterPublicRefresh } from "../events";
import { defineJob } from "../job";

/** Refreshes the public details and affiliation of the characters named in the event. */
export const refreshCharacterPublic = (deps: () => PublicDetailsDeps) =>
  defineJob({
    id: "refresh-character-public",
    trigger: characterPublicRefresh,
    retries: 3,
    async handler({ event, step }) {
      const result = await step.run("refresh-public-details", () =>
        refreshCharacterPublicDetails(deps(), event.data.characterIds),
      );
      await step.run("sync-affiliation-names", () => syncAffiliationNames(deps().db, event.data.characterIds));
      return result;
    },
  });
