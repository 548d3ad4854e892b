// Each rule a compliance group may carry, evaluated in SQL over all users on real
// PostgreSQL: for every rule one compliant user who passes it and one who fails it, and
// all rules together passed only by the user who passes each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listComplianceGroups, previewDesignation, saveDesignation } from "~/server/compliance/designation";
import { everyoneViewer, qualifyingUserIds } from "~/server/compliance/qualifying";
import type { ComplianceRules } from "~/server/compliance/rules";
import { complianceRulesSchema } from "~/server/compliance/rules";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { addPilot } from "../support/compliance-users";

let t: TestDatabase;
let skillSet: number;
const NOW = new Date("2026-12-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 3600 * 1000);
const C1 = 98000001;
const C2 = 98000002;
const A1 = 99000001;
const RORQUAL = 28352;

async function qualifying(rules: ComplianceRules): Promise<Set<string>> {
  return qualifyingUserIds(t.db, await everyoneViewer(t.db), complianceRulesSchema.parse(rules), NOW);
}

beforeAll(async () => {
  t = await createTestDatabase();
  const old = daysAgo(3000);
  // Everyone is compliant and an old pilot in C1 who signed in yesterday, unless the rule's pair says otherwise.
  const pilot = (id: string, characters: number[], extra: object = {}) =>
    addPilot(t.db, { id, characters, corporationId: C1, birthday: old, lastLoginAt: daysAgo(1), ...extra });
  await pilot("sp-pass", [11, 12]);
  await pilot("sp-fail", [13, 14]);
  await t.db.characterSkillpoints.createMany({
    data: [
      { characterId: 11, total: 1_000_000n },
      { characterId: 12, total: 60_000_000n }, // an alt has it: any character counts
      { characterId: 13, total: 49_999_999n },
    ],
  });
  await pilot("set-pass", [21, 22]);
  await pilot("set-fail", [23]);
  skillSet = (await t.db.skillSet.create({ data: { name: "Rorqual pilot" } })).id;
  await t.db.characterSkillSetCheck.createMany({
    data: [
      { characterId: 22, skillSetId: skillSet, failedRequired: [], failedRecommended: [3300] },
      { characterId: 23, skillSetId: skillSet, failedRequired: [3300], failedRecommended: [] },
    ],
  });
  await pilot("corp-fail", [31, 32], { corporationId: C2 });
  await t.db.eveCharacter.update({ where: { id: 32 }, data: { corporationId: C1 } }); // an alt in C1 does not count
  await pilot("alliance-pass", [41], { corporationId: C2, allianceId: A1 });
  await pilot("tenure-pass", [51]);
  await pilot("tenure-fail", [52]);
  await pilot("tenure-stale", [53]);
  await t.db.characterCorporationHistory.createMany({
    data: [
      { characterId: 51, recordId: 1, corporationId: C2, startDate: daysAgo(400), isDeleted: false },
      { characterId: 51, recordId: 2, corporationId: C1, startDate: daysAgo(40), isDeleted: false },
      // Left C1 and came back 10 days ago: the current stay is what counts.
      { characterId: 52, recordId: 1, corporationId: C1, startDate: daysAgo(400), isDeleted: false },
      { characterId: 52, recordId: 2, corporationId: C2, startDate: daysAgo(100), isDeleted: false },
      { characterId: 52, recordId: 3, corporationId: C1, startDate: daysAgo(10), isDeleted: false },
      // History says C2 but the main is in C1 now: not proven.
      { characterId: 53, recordId: 1, corporationId: C2, startDate: daysAgo(400), isDeleted: false },
    ],
  });
  await pilot("young", [61], { birthday: daysAgo(100) });
  await pilot("unknown-age", [62], { birthday: undefined });
  await t.db.eveCharacter.update({ where: { id: 62 }, data: { birthday: null } });
  await pilot("away", [71], { lastLoginAt: daysAgo(30) });
  await pilot("never-signed-in", [72], { lastLoginAt: undefined });
  await t.db.user.update({ where: { id: "never-signed-in" }, data: { lastLoginAt: null } });
  await pilot("asset-pass", [81, 82]);
  await pilot("asset-fail", [83]);
  await t.db.characterAsset.createMany({
    data: [
      {
        characterId: 82,
        itemId: 1n,
        typeId: 17366,
        quantity: 1,
        locationFlag: "Hangar",
        locationType: "station",
        isSingleton: true,
        locationId: 60003760n,
      },
      {
        characterId: 82,
        itemId: 2n,
        typeId: RORQUAL,
        quantity: 1,
        locationFlag: "Cargo",
        locationType: "item",
        isSingleton: true,
        parentItemId: 1n,
      },
      {
        characterId: 83,
        itemId: 3n,
        typeId: RORQUAL + 1,
        quantity: 1,
        locationFlag: "Hangar",
        locationType: "station",
        isSingleton: true,
        locationId: 60003760n,
      },
    ],
  });
  // Passes every rule of the combined test below but one: the alliance.
  await pilot("all-but-one", [91]);
  await pilot("not-compliant", [95, 96], { unregistered: [96] });
});
afterAll(async () => t?.drop());

describe("compliance rules", () => {
  it("without rules, takes every compliant user and no one else", async () => {
    const users = await qualifying({});
    expect(users.has("sp-pass") && users.has("young") && users.has("away")).toBe(true);
    expect(users.has("not-compliant")).toBe(false);
  });

  it.each<[string, ComplianceRules, string[], string[]]>([
    ["minimum total skill points (any character)", { minSkillPoints: 50_000_000 }, ["sp-pass"], ["sp-fail", "young"]],
    ["a skill set passed (any character)", { skillSetAnyOf: [0] }, ["set-pass"], ["set-fail", "sp-pass"]],
    [
      "member of a corporation (by main)",
      { corporationAnyOf: [C1] },
      ["sp-pass", "young"],
      ["corp-fail", "alliance-pass"],
    ],
    ["member of an alliance (by main)", { allianceAnyOf: [A1] }, ["alliance-pass"], ["sp-pass", "corp-fail"]],
    [
      "corporation or alliance",
      { corporationAnyOf: [C1], allianceAnyOf: [A1] },
      ["sp-pass", "alliance-pass"],
      ["corp-fail"],
    ],
    [
      "main in its corporation for N days",
      { minDaysInCorporation: 30 },
      ["tenure-pass"],
      ["tenure-fail", "tenure-stale", "sp-pass"],
    ],
    ["character age of the main", { minCharacterAgeDays: 365 }, ["sp-pass", "away"], ["young", "unknown-age"]],
    ["last sign-in within N days", { lastLoginWithinDays: 7 }, ["sp-pass", "young"], ["away", "never-signed-in"]],
    [
      "holds an asset of a type (any character, in a container too)",
      { assetTypeAnyOf: [RORQUAL] },
      ["asset-pass"],
      ["asset-fail", "sp-pass"],
    ],
  ])("%s: passes those who meet it, fails those who do not", async (_name, rules, pass, fail) => {
    const withSet = rules.skillSetAnyOf ? { ...rules, skillSetAnyOf: [skillSet] } : rules;
    const users = await qualifying(withSet);
    for (const user of pass) expect({ user, passes: users.has(user) }).toEqual({ user, passes: true });
    for (const user of fail) expect({ user, passes: users.has(user) }).toEqual({ user, passes: false });
    expect(users.has("not-compliant")).toBe(false);
  });

  it("with several rules, needs every one of them", async () => {
    const rules: ComplianceRules = { corporationAnyOf: [C1], minCharacterAgeDays: 365, lastLoginWithinDays: 7 };
    expect((await qualifying(rules)).has("all-but-one")).toBe(true);
    expect((await qualifying({ ...rules, allianceAnyOf: [A1], corporationAnyOf: undefined })).has("all-but-one")).toBe(
      false,
    );
  });

  it("previews a group with rules exactly as the rules select", async () => {
    const group = await t.db.group.create({ data: { name: "Capital pilots" } });
    const rules = { assetTypeAnyOf: [RORQUAL], lastLoginWithinDays: 7 };
    const plan = await previewDesignation({ db: t.db, graceHours: 0, now: () => NOW }, { groupId: group.id, rules });
    expect(plan.join).toEqual([...(await qualifying(rules))].sort());
    expect(plan.join).toEqual(["asset-pass"]);
  });

  it("lists a compliance group with its rules in words, skill sets by name", async () => {
    const group = await t.db.group.create({ data: { name: "Miners" } });
    const deps = { db: t.db, graceHours: 0, now: () => NOW };
    await saveDesignation(deps, { groupId: group.id, rules: { skillSetAnyOf: [skillSet], lastLoginWithinDays: 7 } });
    const listed = (await listComplianceGroups(t.db)).find((g) => g.id === group.id);
    expect(listed).toMatchObject({
      isCompliance: true,
      memberCount: 1,
      ruleLines: ["a character passing skill set Rorqual pilot", "signed in within 7 days"],
    });
  });

  it("bounds every value: refuses ids past 32 bits, negative days, huge lists and unknown rules", () => {
    for (const bad of [
      { corporationAnyOf: [2 ** 31] },
      { minDaysInCorporation: -1 },
      { minCharacterAgeDays: 1.5 },
      { minSkillPoints: 1e13 },
      { assetTypeAnyOf: Array.from({ length: 101 }, (_, i) => i + 1) },
      { skillSetAnyOf: [] },
      { somethingElse: 1 },
    ]) {
      expect({ bad, ok: complianceRulesSchema.safeParse(bad).success }).toEqual({ bad, ok: false });
    }
  });
});
