// Member Audit's skill check: a skill fails its required (recommended) level when the
// character's *active* level is below it, or the character lacks the skill. A set
// "has required" when no skill fails its required level.
import type { Db } from "~/server/db/client";

export interface SkillRequirement {
  skillTypeId: number;
  requiredLevel: number | null;
  recommendedLevel: number | null;
}

export interface SkillSetCheckResult {
  skillSetId: number;
  /** Skill type ids, ascending. */
  failedRequired: number[];
  failedRecommended: number[];
}

export function checkSkillSet(
  skillSetId: number,
  skills: readonly SkillRequirement[],
  activeLevels: ReadonlyMap<number, number>,
): SkillSetCheckResult {
  const level = (id: number) => activeLevels.get(id) ?? 0;
  const ids = (pick: (s: SkillRequirement) => number | null) =>
    skills
      .filter((s) => pick(s) !== null && level(s.skillTypeId) < pick(s)!)
      .map((s) => s.skillTypeId)
      .sort((a, b) => a - b);
  return { skillSetId, failedRequired: ids((s) => s.requiredLevel), failedRecommended: ids((s) => s.recommendedLevel) };
}

const ROMAN = ["0", "I", "II", "III", "IV", "V"] as const;
/** Skill levels as EVE writes them. */
export const roman = (level: number | null | undefined): string =>
  level === null || level === undefined ? "–" : (ROMAN[level] ?? String(level));

/** Per-skill result in the detail view (Member Audit's FULL / PARTIAL / NONE). */
export type SkillResult = "full" | "partial" | "none";

export function skillResult(s: SkillRequirement, activeLevel: number): SkillResult {
  if (s.requiredLevel !== null && activeLevel < s.requiredLevel) return "none";
  if (s.recommendedLevel !== null && activeLevel < s.recommendedLevel) return "partial";
  return "full";
}

/** The character's checks against every skill set, ordered by skill set id. */
export async function computeSkillSetChecks(db: Db, characterId: number): Promise<SkillSetCheckResult[]> {
  const [sets, skills] = await Promise.all([
    db.skillSet.findMany({
      select: { id: true, skills: { select: { skillTypeId: true, requiredLevel: true, recommendedLevel: true } } },
      orderBy: { id: "asc" },
    }),
    db.characterSkill.findMany({ where: { characterId }, select: { skillId: true, activeSkillLevel: true } }),
  ]);
  const levels = new Map(skills.map((s) => [s.skillId, s.activeSkillLevel]));
  return sets.map((set) => checkSkillSet(set.id, set.skills, levels));
}
