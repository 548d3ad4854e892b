// The skills tab over tRPC: skills grouped by skill group with levels and skill points,
// per-group totals, the character's totals, unknown skills under "Other", 404 for a
// character the caller may not view. Data from a real skills section update.
import { describe, expect, it } from "vitest";
import { skills } from "~/server/sections/skills";
import type { SkillsSheet } from "~/server/sheet/skills";
import { characterSection } from "~/simulator/data";
import { sheetEnv } from "../support/assets-sheet";

const PILOT = 2112000001;
const env = sheetEnv([{ id: PILOT, sections: [skills] }], { strangerCharacterId: 2112000002 });
const list = async () => (await env.call<SkillsSheet>("owner", "sheet.skills.list", { characterId: PILOT })).data;

describe("skills sheet", () => {
  it("groups every skill under its skill group with levels, SP and totals", async () => {
    const body = characterSection(PILOT, "skills")!.skills;
    const sheet = await list();
    expect(sheet.totalSp).toBe(body.total_sp);
    expect(sheet.unallocatedSp).toBe(body.unallocated_sp ?? null);
    expect(sheet.skillCount).toBe(body.skills.length);
    const types = new Map((await env.db().eveType.findMany({ include: { group: true } })).map((t) => [t.id, t]));
    const shown = sheet.groups.flatMap((g) => g.skills.map((s) => ({ ...s, group: g.name })));
    expect(shown).toHaveLength(body.skills.length);
    for (const s of body.skills) {
      const row = shown.find((r) => r.id === s.skill_id)!;
      expect(row).toMatchObject({
        trainedLevel: s.trained_skill_level,
        activeLevel: s.active_skill_level,
        skillpoints: s.skillpoints_in_skill,
        name: types.get(s.skill_id)!.name,
      });
      expect(row.group).toBe(types.get(s.skill_id)!.group.name);
    }
    for (const g of sheet.groups) {
      expect(g.skillpoints).toBe(g.skills.reduce((sum, s) => sum + s.skillpoints, 0));
      expect(g.atLevelFive).toBe(g.skills.filter((s) => s.trainedLevel === 5).length);
      expect(g.skills.map((s) => s.name)).toEqual([...g.skills.map((s) => s.name)].sort((a, b) => a.localeCompare(b)));
    }
    expect(sheet.groups.length).toBeGreaterThan(3);
    expect(sheet.groups.map((g) => g.name)).not.toContain("Other");
  });

  it("puts a skill of unknown type in Other, named by its id, after the named groups", async () => {
    await env.db().characterSkill.create({
      data: {
        characterId: PILOT,
        skillId: 999_999_990,
        activeSkillLevel: 2,
        trainedSkillLevel: 3,
        skillpointsInSkill: 1415,
      },
    });
    const sheet = await list();
    const other = sheet.groups.at(-1)!;
    expect(other).toMatchObject({ id: null, name: "Other", skillpoints: 1415 });
    expect(other.skills).toEqual([
      { id: 999_999_990, name: "Type 999999990", trainedLevel: 3, activeLevel: 2, skillpoints: 1415 },
    ]);
  });

  it("answers 404 for a character the caller may not view", async () => {
    expect((await env.call("stranger", "sheet.skills.list", { characterId: PILOT })).status).toBe(404);
    expect((await env.call("stranger", "sheet.skills.queue", { characterId: PILOT })).status).toBe(404);
  });
});
