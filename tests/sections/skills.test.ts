// skills (diff, plus the 1:1 skill point totals) and skill_queue (replace).
import { characterSection } from "~/simulator/data";
import { attributes } from "~/server/sections/attributes";
import { skillQueue } from "~/server/sections/skill-queue";
import { skills } from "~/server/sections/skills";
import { iso, isoOf } from "../support/iso-dates";
import { sectionSuite } from "../support/section-suite";

const simSkills = (id: number) => characterSection(id, "skills")!;

sectionSuite([
  {
    section: skills,
    character: 2112000001,
    route: "/characters/{character_id}/skills",
    mutation: "skills",
    async stored(db, characterId) {
      const totals = await db.characterSkillpoints.findUnique({ where: { characterId } });
      const rows = await db.characterSkill.findMany({ where: { characterId }, orderBy: { skillId: "asc" } });
      return {
        total: totals ? Number(totals.total) : null,
        unallocated: totals?.unallocated == null ? null : Number(totals.unallocated),
        skills: rows.map((r) => [r.skillId, r.activeSkillLevel, r.trainedSkillLevel, r.skillpointsInSkill]),
      };
    },
    expected(characterId) {
      const body = simSkills(characterId).skills;
      return {
        total: body.total_sp,
        unallocated: body.unallocated_sp ?? null,
        skills: [...body.skills]
          .sort((a, b) => a.skill_id - b.skill_id)
          .map((s) => [s.skill_id, s.active_skill_level, s.trained_skill_level, s.skillpoints_in_skill]),
      };
    },
    tamper: {
      // One changed level, one vanished skill, one skill ESI no longer reports: three row writes of 100+.
      async apply(db, characterId) {
        const [first, second] = await db.characterSkill.findMany({
          where: { characterId },
          orderBy: { skillId: "asc" },
          take: 2,
        });
        await db.characterSkill.update({
          where: { characterId_skillId: { characterId, skillId: first!.skillId } },
          data: { trainedSkillLevel: 0 },
        });
        await db.characterSkill.delete({ where: { characterId_skillId: { characterId, skillId: second!.skillId } } });
        await db.characterSkill.create({
          data: { characterId, skillId: 1, activeSkillLevel: 1, trainedSkillLevel: 1, skillpointsInSkill: 250 },
        });
      },
      rows: 3,
    },
  },
  {
    section: skillQueue,
    character: 2112000002,
    route: "/characters/{character_id}/skillqueue",
    mutation: "skills",
    async stored(db, characterId) {
      const rows = await db.characterSkillqueueEntry.findMany({
        where: { characterId },
        orderBy: { queuePosition: "asc" },
      });
      return rows.map((r) => [
        r.queuePosition,
        r.skillId,
        r.finishedLevel,
        iso(r.startDate),
        iso(r.finishDate),
        r.levelStartSp,
        r.levelEndSp,
        r.trainingStartSp,
      ]);
    },
    expected(characterId) {
      return [...simSkills(characterId).queue]
        .sort((a, b) => a.queue_position - b.queue_position)
        .map((e) => [
          e.queue_position,
          e.skill_id,
          e.finished_level,
          isoOf(e.start_date),
          isoOf(e.finish_date),
          e.level_start_sp ?? null,
          e.level_end_sp ?? null,
          e.training_start_sp ?? null,
        ]);
    },
  },
  {
    section: attributes,
    character: 2112000003,
    route: "/characters/{character_id}/attributes",
    async stored(db, characterId) {
      const row = await db.characterAttributes.findUnique({ where: { characterId } });
      return (
        row && {
          ...row,
          updatedAt: undefined,
          lastRemapDate: iso(row.lastRemapDate),
          accruedRemapCooldownDate: iso(row.accruedRemapCooldownDate),
        }
      );
    },
    expected(characterId) {
      const a = simSkills(characterId).attributes;
      return {
        characterId,
        charisma: a.charisma,
        intelligence: a.intelligence,
        memory: a.memory,
        perception: a.perception,
        willpower: a.willpower,
        bonusRemaps: a.bonus_remaps ?? null,
        lastRemapDate: isoOf(a.last_remap_date),
        accruedRemapCooldownDate: isoOf(a.accrued_remap_cooldown_date),
        updatedAt: undefined,
      };
    },
  },
]);
