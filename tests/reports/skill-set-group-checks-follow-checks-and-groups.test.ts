// The skill-set report's stored summary (CharacterSkillSetGroupCheck, kept by database
// triggers) on real PostgreSQL: after every kind of write that changes checks or a set's
// groups (the skill_sets section's persist, the skill-set editor, deletions of sets,
// groups and characters, a rollback), the table holds exactly what a recomputation from
// the checks gives, and the report follows it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "~/server/access/viewer";
import { skillSetReport } from "~/server/reports/skill-set-report";
import { skillSets } from "~/server/sections/skill-sets";
import { computeSkillSetChecks } from "~/server/sections/skill-set-checks";
import {
  createSkillSet,
  deleteSkillSet,
  deleteSkillSetGroup,
  updateSkillSet,
  updateSkillSetGroup,
} from "~/server/skill-sets/manage";
import { createTestDatabase, type TestDatabase } from "../support/database";

const SKILL = 3300;
let t: TestDatabase;
const group = { a: 0, b: 0 };
const set = { easy: 0, hard: 0 };

type Summary = Record<string, number[]>;

/** The table as `group:character` → met set ids. */
async function stored(): Promise<Summary> {
  const rows = await t.db.characterSkillSetGroupCheck.findMany();
  return Object.fromEntries(rows.map((r) => [`${r.groupId}:${r.characterId}`, r.requiredMet]));
}

/** The same, recomputed from the checks: what the triggers must keep. */
async function recomputed(): Promise<Summary> {
  const rows = await t.db.$queryRaw<{ groupId: number; characterId: number; requiredMet: number[] }[]>`
    SELECT sg."B" AS "groupId", k."characterId",
      COALESCE(array_agg(k."skillSetId" ORDER BY k."skillSetId") FILTER (WHERE cardinality(k."failedRequired") = 0), '{}') AS "requiredMet"
    FROM "CharacterSkillSetCheck" k JOIN "_SkillSetToSkillSetGroup" sg ON sg."A" = k."skillSetId"
    GROUP BY 1, 2`;
  return Object.fromEntries(rows.map((r) => [`${r.groupId}:${r.characterId}`, r.requiredMet]));
}

async function expectTrue(expected: Summary) {
  const now = await stored();
  expect(now).toEqual(expected);
  expect(now).toEqual(await recomputed());
}

/** What the update engine does for the skill_sets section of one character. */
async function runSection(characterId: number) {
  const checks = await computeSkillSetChecks(t.db, characterId);
  await t.db.$transaction((tx) =>
    skillSets.persist({ tx, characterId, now: new Date(), settings: {} as never }, checks),
  );
}

async function setLevel(characterId: number, level: number) {
  await t.db.characterSkill.upsert({
    where: { characterId_skillId: { characterId, skillId: SKILL } },
    create: { characterId, skillId: SKILL, activeSkillLevel: level, trainedSkillLevel: level, skillpointsInSkill: 0 },
    update: { activeSkillLevel: level, trainedSkillLevel: level },
  });
}

const skills = (level: number) => [{ skillTypeId: SKILL, requiredLevel: level }];

beforeAll(async () => {
  t = await createTestDatabase();
  const { db } = t;
  await db.group.create({
    data: { id: "auditors", name: "Auditors", permissions: ["basic_access", "reports_access", "view_everything"] },
  });
  await db.user.create({ data: { id: "auditor" } });
  await db.groupMembership.create({ data: { groupId: "auditors", userId: "auditor" } });
  await db.eveCharacter.createMany({
    data: [1, 2, 3].map((id) => ({ id, name: `Pilot ${id}`, corporationId: 98000001 })),
  });
  await db.character.createMany({ data: [1, 2, 3].map((id) => ({ id })) });
  group.a = (await db.skillSetGroup.create({ data: { name: "A" } })).id;
  group.b = (await db.skillSetGroup.create({ data: { name: "B" } })).id;
  set.easy = (await createSkillSet(db, { name: "Easy", groupIds: [group.a, group.b], skills: skills(1) }, null)).id;
  set.hard = (await createSkillSet(db, { name: "Hard", groupIds: [group.a], skills: skills(4) }, null)).id;
}, 60_000);
afterAll(async () => t?.drop());

const key = (g: number, c: number) => `${g}:${c}`;

describe("the skill-set group summary", () => {
  it("has a row per group and checked character once the section runs, a set in two groups counted in each", async () => {
    await expectTrue({});
    await setLevel(1, 2);
    await runSection(1);
    await runSection(2); // no skills: both sets failed
    await expectTrue({
      [key(group.a, 1)]: [set.easy],
      [key(group.b, 1)]: [set.easy],
      [key(group.a, 2)]: [],
      [key(group.b, 2)]: [],
    });
  });

  it("follows a check whose result changes (the section's update)", async () => {
    await setLevel(1, 5);
    await runSection(1);
    await expectTrue({
      [key(group.a, 1)]: [set.easy, set.hard].sort((x, y) => x - y),
      [key(group.b, 1)]: [set.easy],
      [key(group.a, 2)]: [],
      [key(group.b, 2)]: [],
    });
    const viewer = (await loadViewer(t.db, "auditor"))!;
    const page = await skillSetReport(t.db, viewer, { sort: "passed", order: "desc", skillSetId: set.hard });
    expect(page.rows.map((r) => [r.group.name, r.character.id])).toEqual([["A", 1]]);
  });

  it("follows the editor: a set moved between groups, a group's sets replaced", async () => {
    await updateSkillSet(t.db, set.hard, { name: "Hard", groupIds: [group.b], skills: skills(4) }, null);
    await expectTrue({
      [key(group.a, 1)]: [set.easy],
      [key(group.b, 1)]: [set.easy, set.hard].sort((x, y) => x - y),
      [key(group.a, 2)]: [],
      [key(group.b, 2)]: [],
    });
    await updateSkillSetGroup(t.db, group.a, { name: "A", skillSetIds: [] }, null);
    await expectTrue({
      [key(group.b, 1)]: [set.easy, set.hard].sort((x, y) => x - y),
      [key(group.b, 2)]: [],
    });
  });

  it("keeps nothing of a rolled-back write", async () => {
    const before = await stored();
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.characterSkillSetCheck.deleteMany({ where: { characterId: 1 } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await expectTrue(before);
  });

  it("loses the rows of a deleted set, group and character", async () => {
    await runSection(3);
    await updateSkillSetGroup(t.db, group.a, { name: "A", skillSetIds: [set.easy] }, null);
    await deleteSkillSet(t.db, set.hard);
    await expectTrue({
      [key(group.a, 1)]: [set.easy],
      [key(group.b, 1)]: [set.easy],
      [key(group.a, 2)]: [],
      [key(group.b, 2)]: [],
      [key(group.a, 3)]: [],
      [key(group.b, 3)]: [],
    });
    await deleteSkillSetGroup(t.db, group.b);
    await t.db.character.delete({ where: { id: 2 } });
    await expectTrue({ [key(group.a, 1)]: [set.easy], [key(group.a, 3)]: [] });
  });

  it("drops a pair whose last check in the group goes (the section no longer finds the set)", async () => {
    await t.db.characterSkillSetCheck.deleteMany({ where: { characterId: 3 } });
    await expectTrue({ [key(group.a, 1)]: [set.easy] });
  });
});
