// The reports benchmark's data: the finder benchmark's roster with two mains in three
// registered too, 20 skill sets in 4 groups over 12 skills, each registered character's
// skill levels and attributes, and the checks the skill_sets section would write.
import type { Db } from "~/server/db/client";
import { checkSkillSet } from "~/server/sections/skill-set-checks";
import { DOGMA } from "~/server/universe/types";
import { Rng } from "~/simulator/data/prng";
import { seedRoster } from "./roster";

export const SKILL_SETS = 20;
const SKILLS = 12;

export async function seedReports(db: Db, USERS: number, PER_USER: number) {
  const rng = new Rng("bench-reports");
  const level = () => Math.floor(rng.next() * 6);
  await db.group.createMany({
    data: [
      { id: "members", name: "Members", permissions: ["basic_access"] },
      { id: "leaders", name: "Leaders", permissions: ["reports_access", "characters_access", "view_same_alliance"] },
      { id: "auditors", name: "Auditors", permissions: ["reports_access", "characters_access", "view_everything"] },
    ],
  });
  const roster = await seedRoster(db, USERS, PER_USER);
  // Two users in three registered their main as well: a mix of compliant and partly compliant users.
  const mains = Array.from({ length: USERS }, (_, u) => 90000000 + u * PER_USER).filter((_, u) => u % 3 !== 0);
  await db.character.createMany({ data: mains.map((id) => ({ id })) });
  const registered = [...roster.registered, ...mains];
  await db.groupMembership.createMany({
    data: [
      { groupId: "leaders", userId: "u0" },
      { groupId: "auditors", userId: "u1" },
    ],
  });

  // Skills with their training facts, each character's levels and attributes, and the checks the section would write.
  const skillIds = Array.from({ length: SKILLS }, (_, i) => 3300 + i);
  await db.eveCategory.create({ data: { id: 16, name: "Skill" } });
  await db.eveGroup.create({ data: { id: 255, name: "Gunnery", categoryId: 16 } });
  await db.eveType.createMany({ data: skillIds.map((id) => ({ id, name: `Skill ${id}`, groupId: 255 })) });
  await db.eveTypeDogmaAttribute.createMany({
    data: skillIds.flatMap((id, i) => [
      { typeId: id, attributeId: DOGMA.skillRank, value: 1 + (i % 5) },
      { typeId: id, attributeId: DOGMA.primaryAttribute, value: 164 + (i % 5) },
      { typeId: id, attributeId: DOGMA.secondaryAttribute, value: 164 + ((i + 2) % 5) },
    ]),
  });
  const groups = await Promise.all(
    [0, 1, 2, 3].map((g) => db.skillSetGroup.create({ data: { name: `Doctrine ${g}`, isDoctrine: g < 3 } })),
  );
  const sets = [];
  for (let s = 0; s < SKILL_SETS; s++) {
    const skills = Array.from({ length: 5 }, (_, k) => ({
      skillTypeId: skillIds[(s + k * 2) % SKILLS]!,
      requiredLevel: 1 + ((s + k) % 4),
      recommendedLevel: 5,
    }));
    const set = await db.skillSet.create({
      data: {
        name: `Fit ${s}`,
        shipTypeId: 587 + s,
        groups: { connect: [{ id: groups[s % 4]!.id }] },
        skills: { create: skills },
      },
    });
    sets.push({ id: set.id, skills });
  }
  const skillRows = [];
  const checks = [];
  for (const characterId of registered) {
    const levels = new Map(skillIds.map((id) => [id, level()]));
    for (const [skillId, l] of levels)
      skillRows.push({
        characterId,
        skillId,
        activeSkillLevel: l,
        trainedSkillLevel: l,
        skillpointsInSkill: [0, 250, 1415, 8000, 45255, 256000][l]!,
      });
    for (const set of sets) checks.push({ characterId, ...checkSkillSet(set.id, set.skills, levels) });
  }
  for (let i = 0; i < skillRows.length; i += 20_000)
    await db.characterSkill.createMany({ data: skillRows.slice(i, i + 20_000) });
  for (let i = 0; i < checks.length; i += 20_000)
    await db.characterSkillSetCheck.createMany({ data: checks.slice(i, i + 20_000) });
  await db.characterAttributes.createMany({
    data: registered.map((characterId) => ({
      characterId,
      charisma: 19,
      intelligence: 24,
      memory: 21,
      perception: 23,
      willpower: 20,
    })),
  });
  return { roster, groups, sets, checks };
}
