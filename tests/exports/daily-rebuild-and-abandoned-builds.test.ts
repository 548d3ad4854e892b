// The daily rebuild queues a build of every topic except those building or built within
// the minimum age, and is left out of the job list when turned off; a build whose
// process died (not touched for 15 minutes) no longer blocks a new one, and the new
// one's completion removes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEsiClient } from "~/server/esi/client";
import { createExportBuild, DEFAULT_EXPORT_SETTINGS } from "~/server/exports/requests";
import { EXPORT_TOPIC_NAMES } from "~/server/exports/topics";
import { createJobs } from "~/server/jobs/definitions";
import { rebuildExportsJob } from "~/server/jobs/definitions/exports";
import type { JobEventPayload } from "~/server/jobs/job";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { exportRunner } from "../support/export-build";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

async function runRebuild(): Promise<JobEventPayload[]> {
  const sent: JobEventPayload[] = [];
  const job = rebuildExportsJob(() => ({ db: t.db }), { exports: DEFAULT_EXPORT_SETTINGS, retentionDays: 360 });
  await job.handler({
    event: { name: "inngest/scheduled.timer", data: {} as never },
    attempt: 0,
    step: {
      run: async (_id, fn) => fn(),
      sendEvent: async (_id, events) => {
        sent.push(...(Array.isArray(events) ? events : [events]));
      },
    },
  });
  return sent;
}

describe("the daily rebuild", () => {
  it("queues every topic except one building and one built within the minimum age", async () => {
    const now = new Date();
    const built = await createExportBuild(t.db, { topic: "skills", userId: null, now, minUpdateAgeMinutes: 60 });
    await exportRunner(t.db, 1000).run({ name: "memberaudit/export.build", data: { ...built, topic: "skills" } });
    await createExportBuild(t.db, { topic: "loyalty", userId: null, now, minUpdateAgeMinutes: 60 });

    const sent = await runRebuild();
    expect(sent.map((e) => (e.data as { topic: string }).topic).sort()).toEqual(
      EXPORT_TOPIC_NAMES.filter((n) => n !== "skills" && n !== "loyalty").sort(),
    );
    expect(sent.every((e) => e.name === "memberaudit/export.build")).toBe(true);
  });

  it("is not scheduled when MEMBERAUDIT_DATA_EXPORT_DAILY_REBUILD is off", () => {
    const esi = createEsiClient({ baseUrl: "http://127.0.0.1:9" });
    const ids = (dailyRebuild: boolean) =>
      createJobs(() => ({ db: t.db, esi }), {
        sharingTimeoutMinutes: 0,
        engine: DEFAULT_ENGINE_SETTINGS,
        exports: { ...DEFAULT_EXPORT_SETTINGS, dailyRebuild },
      }).map((j) => j.id);
    expect(ids(true)).toEqual(expect.arrayContaining(["build-export", "rebuild-exports"]));
    expect(ids(false)).toContain("build-export");
    expect(ids(false)).not.toContain("rebuild-exports");
  });
});

describe("an abandoned build", () => {
  it("stops blocking after 15 minutes untouched, and the next build's completion removes it", async () => {
    const topic = "skills"; // built above, not building: the rebuild skipped it
    const long = new Date(Date.now() - 20 * 60_000);
    const dead = await createExportBuild(t.db, { topic, userId: null, now: new Date(), minUpdateAgeMinutes: 0 });
    await t.db.exportFile.update({ where: { id: dead.fileId }, data: { startedAt: long, updatedAt: long } });
    const next = await createExportBuild(t.db, { topic, userId: null, now: new Date(), minUpdateAgeMinutes: 0 });
    await exportRunner(t.db, 1000).run({ name: "memberaudit/export.build", data: { ...next, topic } });
    const files = await t.db.exportFile.findMany({ where: { topic } });
    expect(files.map((f) => [f.id, f.status])).toEqual([[next.fileId, "complete"]]);
  });
});
