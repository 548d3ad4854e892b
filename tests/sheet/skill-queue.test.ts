// The skill queue tab: entries in order with names, the training entry's progress from
// its skill points and dates, time left, completed entries, and paused/empty queues.
import { describe, expect, it } from "vitest";
import { skillQueue } from "~/server/sections/skill-queue";
import { levelProgress, type SkillQueueSheet, skillQueueSheet } from "~/server/sheet/skill-queue";
import { sheetEnv } from "../support/assets-sheet";

const PILOT = 2112000002;
const env = sheetEnv([{ id: PILOT, sections: [skillQueue] }], { strangerCharacterId: 2112000003 });
const HOUR = 3_600_000;

describe("skill queue sheet", () => {
  it("lists the stored queue in order with skill names", async () => {
    const stored = await env
      .db()
      .characterSkillqueueEntry.findMany({ where: { characterId: PILOT }, orderBy: { queuePosition: "asc" } });
    expect(stored.length).toBeGreaterThan(1);
    const result = await env.call<SkillQueueSheet>("owner", "sheet.skills.queue", { characterId: PILOT });
    expect(result.status).toBe(200);
    expect(result.data.entries.map((e) => [e.position, e.skillId, e.finishedLevel])).toEqual(
      stored.map((s) => [s.queuePosition, s.skillId, s.finishedLevel]),
    );
    const names = new Map((await env.db().eveType.findMany()).map((t) => [t.id, t.name]));
    for (const e of result.data.entries) expect(e.skillName).toBe(names.get(e.skillId));
    expect(result.data.entries[0]!.startDate).toBeInstanceOf(Date);
  });

  it("derives the training entry, its progress and time left, and what is done", async () => {
    const db = env.db();
    await db.characterSkillqueueEntry.deleteMany({ where: { characterId: PILOT } });
    const start = new Date("2026-01-01T00:00:00Z");
    const at = (h: number) => new Date(start.getTime() + h * HOUR);
    await db.characterSkillqueueEntry.createMany({
      data: [
        {
          characterId: PILOT,
          queuePosition: 0,
          skillId: 3300,
          finishedLevel: 2,
          startDate: at(-10),
          finishDate: at(-1),
          levelStartSp: 250,
          levelEndSp: 1415,
          trainingStartSp: 250,
        },
        // Half-way through in time; training started at 2,000 of 8,000..16,000 SP.
        {
          characterId: PILOT,
          queuePosition: 1,
          skillId: 3301,
          finishedLevel: 4,
          startDate: at(-1),
          finishDate: at(1),
          levelStartSp: 8000,
          levelEndSp: 16000,
          trainingStartSp: 10000,
        },
        {
          characterId: PILOT,
          queuePosition: 2,
          skillId: 999_999_990,
          finishedLevel: 5,
          startDate: at(1),
          finishDate: at(20),
          levelStartSp: 45255,
          levelEndSp: 256000,
          trainingStartSp: 45255,
        },
      ],
    });
    const sheet = await skillQueueSheet(db, PILOT, start);
    expect(sheet.status).toBe("training");
    expect(sheet.entries.map((e) => e.state)).toEqual(["completed", "training", "queued"]);
    // SP at now = 10,000 + (16,000 - 10,000) / 2 = 13,000, i.e. 5,000 of 8,000 into the level.
    expect(sheet.entries[1]!.progress).toBeCloseTo(5000 / 8000, 6);
    expect(sheet.entries[1]!.remainingMs).toBe(HOUR);
    expect(sheet.entries[0]).toMatchObject({ progress: 1, remainingMs: null });
    expect(sheet.entries[2]).toMatchObject({ progress: null, remainingMs: 20 * HOUR, skillName: "Type 999999990" });
    expect(sheet.queueEndsAt).toEqual(at(20));
    expect(
      levelProgress(
        { startDate: at(-1), finishDate: at(1), levelStartSp: null, levelEndSp: null, trainingStartSp: null },
        start,
      ),
    ).toBeCloseTo(0.5, 6);
    // Once everything finished, the queue is empty (training not active).
    expect((await skillQueueSheet(db, PILOT, at(21))).status).toBe("empty");
  });

  it("reports a paused queue (no dates) and an empty one", async () => {
    const db = env.db();
    await db.characterSkillqueueEntry.deleteMany({ where: { characterId: PILOT } });
    await db.characterSkillqueueEntry.create({
      data: {
        characterId: PILOT,
        queuePosition: 0,
        skillId: 3300,
        finishedLevel: 3,
        levelStartSp: 1415,
        levelEndSp: 8000,
        trainingStartSp: 3000,
      },
    });
    const paused = (await env.call<SkillQueueSheet>("owner", "sheet.skills.queue", { characterId: PILOT })).data;
    expect(paused).toMatchObject({ status: "paused", queueEndsAt: null });
    expect(paused.entries[0]).toMatchObject({ state: "paused", progress: null, remainingMs: null });
    await db.characterSkillqueueEntry.deleteMany({ where: { characterId: PILOT } });
    expect((await env.call<SkillQueueSheet>("owner", "sheet.skills.queue", { characterId: PILOT })).data).toEqual({
      status: "empty",
      entries: [],
      queueEndsAt: null,
    });
  });

  it("answers 404 for a character the caller may not view", async () => {
    expect((await env.call("stranger", "sheet.skills.queue", { characterId: PILOT })).status).toBe(404);
  });
});
