// skills: every trained skill (diffed on skill id) plus the 1:1 skill point totals.
// Skill levels change a few at a time, so only the changed rows are written.
import type { EsiSuccessBody } from "~/server/esi/types";
import { diffCount, diffRows } from "./diff-rows";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type SkillsBody = EsiSuccessBody<"get", "/characters/{character_id}/skills">;

export const skills = defineSection<SkillsBody>({
  name: "skills",
  label: "Skills",
  routes: ["GET /characters/{character_id}/skills"],
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/skills": [
      "total_sp",
      "unallocated_sp",
      "skills",
      "skills.skill_id",
      "skills.active_skill_level",
      "skills.trained_skill_level",
      "skills.skillpoints_in_skill",
    ],
  },
  scopes: ["esi-skills.read_skills.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "diff",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/skills", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    let written = 0;
    const totals = {
      total: BigInt(body.total_sp),
      unallocated: body.unallocated_sp === undefined ? null : BigInt(body.unallocated_sp),
    };
    const storedTotals = await tx.characterSkillpoints.findUnique({ where: { characterId } });
    if (!storedTotals || storedTotals.total !== totals.total || storedTotals.unallocated !== totals.unallocated) {
      await tx.characterSkillpoints.upsert({
        where: { characterId },
        create: { characterId, ...totals },
        update: totals,
      });
      written += 1;
    }

    const stored = await tx.characterSkill.findMany({
      where: { characterId },
      select: { skillId: true, activeSkillLevel: true, trainedSkillLevel: true, skillpointsInSkill: true },
    });
    const incoming = body.skills.map((s) => ({
      skillId: s.skill_id,
      activeSkillLevel: s.active_skill_level,
      trainedSkillLevel: s.trained_skill_level,
      skillpointsInSkill: s.skillpoints_in_skill,
    }));
    const diff = diffRows(stored, incoming, (row) => row.skillId);
    if (diff.remove.length > 0)
      await tx.characterSkill.deleteMany({ where: { characterId, skillId: { in: diff.remove } } });
    if (diff.create.length > 0)
      await insertRows(tx, "CharacterSkill", { data: diff.create.map((row) => ({ characterId, ...row })) });
    for (const { skillId, ...fields } of diff.update) {
      await tx.characterSkill.update({ where: { characterId_skillId: { characterId, skillId } }, data: fields });
    }
    return { written: written + diffCount(diff) };
  },
});
