// Under Inngest the queue panel reads the app's own run records (job_run_records), as
// inngest/functions.ts writes them: a run is running from its first call, retrying when an
// attempt failed, running again on its next attempt, and completed or failed at its end;
// a call after the end does not reopen it. A run with no call for an hour is not counted
// as running; runs that ended over a week ago go when another ends; database text in a
// failure never reaches the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUN_RECORD_DAYS, runRecorder } from "~/server/jobs/run-records";
import { readRunRecords, RUN_SEEN_MINUTES } from "~/server/status/queue";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let clock = new Date("2026-12-07T12:00:00Z");
const at = (minutes: number) => {
  clock = new Date(Date.parse("2026-12-07T12:00:00Z") + minutes * 60_000);
  return clock;
};

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe("run records under Inngest", () => {
  it("follow a run through its attempts and count it per function", async () => {
    const runs = runRecorder(
      () => t.db,
      () => clock,
    );
    at(0);
    await runs.runCalled({ runId: "r1", fn: "update-character", attempt: 0 });
    await runs.runCalled({ runId: "r1", fn: "update-character", attempt: 0 });
    await runs.runCalled({ runId: "r2", fn: "update-character", attempt: 0 });
    expect((await readRunRecords(t.db, at(1))).functions).toEqual([
      { name: "update-character", running: 2, retrying: 0, completed24h: 0, failed24h: 0, lastEndedAt: null },
    ]);

    await runs.runEnded({
      runId: "r1",
      fn: "update-character",
      attempt: 0,
      outcome: "retrying",
      error: new Error("ESI answered 503"),
    });
    const retriedAt = clock;
    let view = await readRunRecords(t.db, at(2));
    expect(view.functions[0]).toMatchObject({ running: 1, retrying: 1 });
    expect(view.failures).toEqual([
      { id: "r1", name: "update-character", state: "retrying", attempts: 1, at: retriedAt, reason: "ESI answered 503" },
    ]);

    await runs.runCalled({ runId: "r1", fn: "update-character", attempt: 1 });
    expect((await t.db.jobRunRecord.findUnique({ where: { runId: "r1" } }))?.state).toBe("running");
    await runs.runEnded({
      runId: "r1",
      fn: "update-character",
      attempt: 1,
      outcome: "failed",
      error: new Error('Invalid `prisma.character.update()` invocation:\nUPDATE "Character" SET x = 1'),
    });
    await runs.runEnded({ runId: "r2", fn: "update-character", attempt: 0, outcome: "completed" });
    const endedAt = clock;
    // A late call of an ended run (a repeated request) leaves it ended.
    await runs.runCalled({ runId: "r1", fn: "update-character", attempt: 1 });
    view = await readRunRecords(t.db, at(3));
    expect(view.functions).toEqual([
      { name: "update-character", running: 0, retrying: 0, completed24h: 1, failed24h: 1, lastEndedAt: endedAt },
    ]);
    expect(view.failures).toEqual([
      expect.objectContaining({
        id: "r1",
        state: "failed",
        attempts: 2,
        reason: "Internal error (details in the server log)",
      }),
    ]);
    expect(JSON.stringify(view)).not.toContain("UPDATE");
  });

  it("stops counting a run without calls for an hour, and removes runs ended a week ago", async () => {
    const runs = runRecorder(
      () => t.db,
      () => clock,
    );
    at(10);
    await runs.runCalled({ runId: "quiet", fn: "expire-shares", attempt: 0 });
    expect((await readRunRecords(t.db, at(10 + RUN_SEEN_MINUTES - 1))).functions).toContainEqual(
      expect.objectContaining({ name: "expire-shares", running: 1 }),
    );
    expect((await readRunRecords(t.db, at(10 + RUN_SEEN_MINUTES + 1))).functions).toContainEqual(
      expect.objectContaining({ name: "expire-shares", running: 0 }),
    );

    at(RUN_RECORD_DAYS * 24 * 60 + 5);
    await runs.runEnded({ runId: "later", fn: "expire-shares", attempt: 0, outcome: "completed" });
    const left = await t.db.jobRunRecord.findMany({ orderBy: { runId: "asc" } });
    // r1 and r2 ended at minute 2, more than the kept days before; the quiet run never ended and stays.
    expect(left.map((r) => r.runId)).toEqual(["later", "quiet"]);
  });
});
