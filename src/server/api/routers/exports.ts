// Data exports (docs/exports.md): holders of exports_access see every topic, start
// builds and follow their progress. The permission gives all characters' data, so no
// scope applies; the area check is the whole access rule here.
import { z } from "zod";
import { retentionCutoff } from "~/server/sections/retention";
import {
  createExportBuild,
  DEFAULT_EXPORT_SETTINGS,
  exportFileStates,
  exportTopicSummaries,
} from "~/server/exports/requests";
import { EXPORT_TOPIC_NAMES } from "~/server/exports/topics";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { areaProcedure, router } from "../trpc";

const exportsProcedure = areaProcedure("exports");
const topicInput = z.object({ topic: z.enum(EXPORT_TOPIC_NAMES as [string, ...string[]]) });

export const exportsRouter = router({
  /** The topics with their current row counts and files (the page's first render). */
  overview: exportsProcedure.query(async ({ ctx }) => {
    const now = new Date();
    const settings = ctx.deps.exports ?? DEFAULT_EXPORT_SETTINGS;
    const retentionDays = ctx.deps.engine?.section.retentionDays ?? DEFAULT_SECTION_SETTINGS.retentionDays;
    return {
      topics: await exportTopicSummaries(ctx.deps.db, retentionCutoff(now, retentionDays)),
      states: await exportFileStates(ctx.deps.db, now, settings.minUpdateAgeMinutes),
    };
  }),
  /** Files and running builds only: what the page polls while a build runs. */
  progress: exportsProcedure.query(({ ctx }) =>
    exportFileStates(ctx.deps.db, new Date(), (ctx.deps.exports ?? DEFAULT_EXPORT_SETTINGS).minUpdateAgeMinutes),
  ),
  build: exportsProcedure.input(topicInput).mutation(async ({ ctx, input }) => {
    const { fileId } = await createExportBuild(ctx.deps.db, {
      topic: input.topic,
      userId: ctx.user.id,
      now: new Date(),
      minUpdateAgeMinutes: (ctx.deps.exports ?? DEFAULT_EXPORT_SETTINGS).minUpdateAgeMinutes,
    });
    await ctx.deps.sendEvents({ name: "memberaudit/export.build", data: { fileId, topic: input.topic } });
    return { fileId };
  }),
});
