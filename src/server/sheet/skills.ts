// The skills tab: every skill the character has, grouped by skill group (EVE's
// category 16), with trained and active level and skill points, per-group totals and
// the character's total and unallocated skill points. A skill whose type or group is
// not known yet goes to "Other", named by its id.
import type { Db } from "~/server/db/client";

const SKILL_CATEGORY_ID = 16;
export const OTHER_GROUP_NAME = "Other";

export interface SheetSkill {
  id: number;
  name: string;
  trainedLevel: number;
  activeLevel: number;
  skillpoints: number;
}

export interface SheetSkillGroup {
  /** null for "Other". */
  id: number | null;
  name: string;
  skills: SheetSkill[];
  skillpoints: number;
  /** Skills trained to level 5. */
  atLevelFive: number;
}

export interface SkillsSheet {
  totalSp: number | null;
  unallocatedSp: number | null;
  skillCount: number;
  groups: SheetSkillGroup[];
}

export async function skillsSheet(db: Db, characterId: number): Promise<SkillsSheet> {
  const [skills, points] = await Promise.all([
    db.characterSkill.findMany({ where: { characterId } }),
    db.characterSkillpoints.findUnique({ where: { characterId } }),
  ]);
  const types = skills.length
    ? await db.eveType.findMany({
        where: { id: { in: skills.map((s) => s.skillId) } },
        select: { id: true, name: true, group: { select: { id: true, name: true, categoryId: true } } },
      })
    : [];
  const typeById = new Map(types.map((t) => [t.id, t]));
  const groups = new Map<number | null, SheetSkillGroup>();
  for (const s of skills) {
    const type = typeById.get(s.skillId);
    const group = type && type.group.categoryId === SKILL_CATEGORY_ID ? type.group : null;
    const key = group?.id ?? null;
    let entry = groups.get(key);
    if (!entry) {
      entry = { id: key, name: group?.name ?? OTHER_GROUP_NAME, skills: [], skillpoints: 0, atLevelFive: 0 };
      groups.set(key, entry);
    }
    entry.skills.push({
      id: s.skillId,
      name: type?.name ?? `Type ${s.skillId}`,
      trainedLevel: s.trainedSkillLevel,
      activeLevel: s.activeSkillLevel,
      skillpoints: s.skillpointsInSkill,
    });
    entry.skillpoints += s.skillpointsInSkill;
    if (s.trainedSkillLevel >= 5) entry.atLevelFive += 1;
  }
  const sorted = [...groups.values()].sort(
    (a, b) => Number(a.id === null) - Number(b.id === null) || a.name.localeCompare(b.name),
  );
  for (const g of sorted) g.skills.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return {
    totalSp: points ? Number(points.total) : null,
    unallocatedSp: points?.unallocated == null ? null : Number(points.unallocated),
    skillCount: skills.length,
    groups: sorted,
  };
}
