// The data exports' jobs (docs/exports.md): thin over src/server/exports.
import type { Db } from "~/server/db/client";
import {
  abandonExportBuild,
  type BuildState,
  finishExportBuild,
  startExportBuild,
  writeExportChunk,
} from "~/server/exports/build";
import { createExportBuild, type ExportSettings } from "~/server/exports/requests";
import { EXPORT_TOPIC_NAMES } from "~/server/exports/topics";
import { isAppError } from "~/server/errors/app-error";
import { exportBuild } from "../events";
import { defineJob } from "../job";

interface ExportJobSettings {
  exports: ExportSettings;
  retentionDays: number;
}

/** One export file: the header, one step per chunk of rows, the trailer; each step resumes from the last one's state. */
export const buildExportJob = (deps: () => { db: Db }, settings: ExportJobSettings) =>
  defineJob({
    id: "build-export",
    trigger: exportBuild,
    retries: 3,
    concurrencyKeyField: "topic",
    handler: async ({ event, step }) => {
      const { fileId } = event.data;
      const started = await step.run("start", () =>
        startExportBuild(deps().db, fileId, { now: new Date(), retentionDays: settings.retentionDays }),
      );
      if (!started) return { skipped: "file gone" };
      let state: BuildState = started;
      for (let chunk = 0; !state.done; chunk++) {
        const before: BuildState = state;
        state = await step.run(`chunk-${chunk}`, () => writeExportChunk(deps().db, before, settings.exports.chunkRows));
      }
      const done = state;
      const finished = await step.run("finish", async () => {
        const result = await finishExportBuild(deps().db, done, new Date());
        if (!result.completed) await abandonExportBuild(deps().db, fileId);
        return result;
      });
      return { rows: done.rowsWritten, ...finished };
    },
  });

/** Once a day: a build of every topic not built within the minimum age (and not building). */
export const rebuildExportsJob = (deps: () => { db: Db }, settings: ExportJobSettings) =>
  defineJob({
    id: "rebuild-exports",
    trigger: { cron: "41 2 * * *" },
    retries: 2,
    handler: async ({ step }) => {
      const files = await step.run("create-builds", async () => {
        const created: { fileId: string; topic: string }[] = [];
        for (const topic of EXPORT_TOPIC_NAMES) {
          try {
            const { fileId } = await createExportBuild(deps().db, {
              topic,
              userId: null,
              now: new Date(),
              minUpdateAgeMinutes: settings.exports.minUpdateAgeMinutes,
            });
            created.push({ fileId, topic });
          } catch (error) {
            // Building now or built recently: that topic's file is fresh enough already.
            if (!isAppError(error) || (error.code !== "CONFLICT" && error.code !== "RATE_LIMITED")) throw error;
          }
        }
        return created;
      });
      if (files.length > 0)
        await step.sendEvent(
          "builds",
          files.map((data) => ({ name: exportBuild.name, data })),
        );
      return { queued: files.length };
    },
  });
