// The status page's one read (docs/status.md): the "status" area (view_status;
// superusers hold it). No input: the page polls it every few seconds.
import { statusOverview } from "~/server/status/overview";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { areaProcedure, router } from "../trpc";

const status = areaProcedure("status");

export const statusRouter = router({
  overview: status.query(({ ctx }) =>
    statusOverview({
      db: ctx.deps.db,
      esi: ctx.deps.esi,
      engine: ctx.deps.engine ?? DEFAULT_ENGINE_SETTINGS,
      jobEngine: ctx.deps.jobEngine ?? { kind: "embedded" },
    }),
  ),
});
