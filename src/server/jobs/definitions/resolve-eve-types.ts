import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { defineJob } from "../job";
import { resolveTypes, unknownReferencedTypeIds } from "~/server/universe/types";

const BATCH = 500; // types per step: a retry repeats at most this many look-ups

/** Every 15 minutes: names the EVE types sections stored that EveType does not know yet. */
export const resolveEveTypes = (deps: () => { db: Db; esi: EsiClient }) =>
  defineJob({
    id: "resolve-eve-types",
    trigger: { cron: "*/15 * * * *" },
    retries: 2,
    async handler({ step }) {
      const ids = await step.run("find-unknown", () => unknownReferencedTypeIds(deps().db, 5_000));
      let stored = 0;
      let failed = 0;
      for (let i = 0; i < ids.length; i += BATCH) {
        const r = await step.run(`resolve-${i / BATCH}`, async () => {
          const result = await resolveTypes(deps(), ids.slice(i, i + BATCH));
          return { stored: result.stored, failed: result.failed.length };
        });
        stored += r.stored;
        failed += r.failed;
      }
      return { unknown: ids.length, stored, failed };
    },
  });
