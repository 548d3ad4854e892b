// The sheet's Skill sets tab: visible skill sets by group with the stored check
// (section skill_sets), the skills each misses, and the detail per skill (Member
// Audit's modal). Who may see it is decided by canViewSkillSets.
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { roman, skillResult, type SkillResult } from "~/server/sections/skill-set-checks";
import type { SheetCharacter } from "./viewable-character";

export const UNGROUPED = "[Ungrouped]";

/** Member Audit's view_skill_sets (doctrine fits are not for guests), or the character's owner. */
export function canViewSkillSets(viewer: Viewer, character: SheetCharacter): boolean {
  return viewer.permissions.has("view_skill_sets") || character.eveCharacter.ownership?.userId === viewer.userId;
}

export interface SheetSkill {
  skillTypeId: number;
  name: string;
  requiredLevel: number | null;
  recommendedLevel: number | null;
  activeLevel: number;
  result: SkillResult;
}

export interface SheetSkillSet {
  id: number;
  name: string;
  description: string;
  shipTypeId: number | null;
  shipName: string | null;
  /** null: not checked yet (the section has not run since the set was made). */
  hasRequired: boolean | null;
  hasRecommended: boolean | null;
  missingRequired: SheetSkill[];
  missingRecommended: SheetSkill[];
  skills: SheetSkill[];
  /** "Skill Name IV" per skill failing its required level, at max(required, recommended): an in-game skill plan. */
  missingPlan: string;
}

export interface SheetSkillSetGroup {
  id: number | null;
  name: string;
  isDoctrine: boolean;
  isActive: boolean;
  skillSets: SheetSkillSet[];
}

export async function characterSkillSets(
  db: Db,
  characterId: number,
): Promise<{ groups: SheetSkillSetGroup[]; checkedAt: Date | null }> {
  const [sets, checks, skills, status] = await Promise.all([
    db.skillSet.findMany({
      where: { isVisible: true },
      orderBy: { name: "asc" },
      include: { skills: { orderBy: { skillTypeId: "asc" } }, groups: { orderBy: { name: "asc" } } },
    }),
    db.characterSkillSetCheck.findMany({ where: { characterId } }),
    db.characterSkill.findMany({ where: { characterId }, select: { skillId: true, activeSkillLevel: true } }),
    db.sectionUpdateStatus.findUnique({
      where: { characterId_section: { characterId, section: "skill_sets" } },
      select: { finishedAt: true, isSuccess: true },
    }),
  ]);
  const typeIds = [
    ...new Set(sets.flatMap((s) => [...s.skills.map((k) => k.skillTypeId), ...(s.shipTypeId ? [s.shipTypeId] : [])])),
  ];
  const names = new Map(
    (await db.eveType.findMany({ where: { id: { in: typeIds } }, select: { id: true, name: true } })).map((t) => [
      t.id,
      t.name,
    ]),
  );
  const typeName = (id: number) => names.get(id) ?? `Type ${id}`;
  const levels = new Map(skills.map((s) => [s.skillId, s.activeSkillLevel]));
  const checkBySet = new Map(checks.map((c) => [c.skillSetId, c]));

  const sheetSet = (set: (typeof sets)[number]): SheetSkillSet => {
    const check = checkBySet.get(set.id);
    const detail: SheetSkill[] = set.skills
      .map((k) => {
        const activeLevel = levels.get(k.skillTypeId) ?? 0;
        return {
          skillTypeId: k.skillTypeId,
          name: typeName(k.skillTypeId),
          requiredLevel: k.requiredLevel,
          recommendedLevel: k.recommendedLevel,
          activeLevel,
          result: skillResult(k, activeLevel),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    const pick = (ids: readonly number[] | undefined) => {
      const wanted = new Set(ids ?? []);
      return detail.filter((d) => wanted.has(d.skillTypeId));
    };
    const missingRequired = pick(check?.failedRequired);
    return {
      id: set.id,
      name: set.name,
      description: set.description,
      shipTypeId: set.shipTypeId,
      shipName: set.shipTypeId ? typeName(set.shipTypeId) : null,
      hasRequired: check ? check.failedRequired.length === 0 : null,
      hasRecommended: check ? check.failedRecommended.length === 0 : null,
      missingRequired,
      missingRecommended: pick(check?.failedRecommended),
      skills: detail,
      missingPlan: missingRequired
        .map((d) => `${d.name} ${roman(Math.max(d.requiredLevel ?? 0, d.recommendedLevel ?? 0))}`)
        .join("\n"),
    };
  };

  const groups = new Map<number | null, SheetSkillSetGroup>();
  for (const set of sets) {
    const entry = sheetSet(set);
    const homes = set.groups.length > 0 ? set.groups : [null];
    for (const g of homes) {
      const key = g?.id ?? null;
      if (!groups.has(key)) {
        groups.set(
          key,
          g
            ? { id: g.id, name: g.name, isDoctrine: g.isDoctrine, isActive: g.isActive, skillSets: [] }
            : { id: null, name: UNGROUPED, isDoctrine: false, isActive: true, skillSets: [] },
        );
      }
      groups.get(key)!.skillSets.push(entry);
    }
  }
  const ordered = [...groups.values()].sort((a, b) =>
    a.id === null ? 1 : b.id === null ? -1 : a.name.localeCompare(b.name),
  );
  return { groups: ordered, checkedAt: status?.isSuccess ? status.finishedAt : null };
}
