// The skill-set report's training times, for the rows of one page: per (character,
// group), the time to train the required skills the group's sets miss (all of them,
// each skill to the highest level any set asks) and to the nearest set not yet met.
import { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import {
  type CharacterAttributeValues,
  TRAINING_DOGMA_IDS,
  type TrainingGoal,
  trainingFactsFromDogma,
  trainingSeconds,
} from "~/server/skill-sets/training-time";

export interface GroupTraining {
  /** Every missing required skill of the group's sets; null when a skill or the attributes are not loaded. */
  allSeconds: number | null;
  /** The unmet set quickest to finish, and how long it takes. */
  nearest: { skillSetId: number; seconds: number | null } | null;
}

interface MissingRow {
  characterId: number;
  groupId: number;
  skillSetId: number;
  skillTypeId: number;
  level: number;
  skillpoints: number;
}

export const trainingKey = (groupId: number, characterId: number) => `${groupId}:${characterId}`;

export async function groupTraining(
  db: Db,
  pairs: readonly { groupId: number; characterId: number }[],
): Promise<Map<string, GroupTraining>> {
  if (pairs.length === 0) return new Map();
  const characterIds = [...new Set(pairs.map((p) => p.characterId))];
  const groupIds = [...new Set(pairs.map((p) => p.groupId))];
  const missing = await db.$queryRaw<MissingRow[]>`
    SELECT chk."characterId", sg."B" AS "groupId", chk."skillSetId", k."skillTypeId", k."requiredLevel" AS level,
      COALESCE(cs."skillpointsInSkill", 0) AS skillpoints
    FROM "CharacterSkillSetCheck" chk
    JOIN "_SkillSetToSkillSetGroup" sg ON sg."A" = chk."skillSetId"
    JOIN "SkillSetSkill" k ON k."skillSetId" = chk."skillSetId" AND k."skillTypeId" = ANY(chk."failedRequired")
    LEFT JOIN "CharacterSkill" cs ON cs."characterId" = chk."characterId" AND cs."skillId" = k."skillTypeId"
    WHERE chk."characterId" IN (${Prisma.join(characterIds)}) AND sg."B" IN (${Prisma.join(groupIds)})
      AND cardinality(chk."failedRequired") > 0 AND k."requiredLevel" IS NOT NULL`;
  const skillIds = [...new Set(missing.map((m) => m.skillTypeId))];
  const [attributes, dogma] = await Promise.all([
    db.characterAttributes.findMany({ where: { characterId: { in: characterIds } } }),
    skillIds.length === 0
      ? []
      : db.eveTypeDogmaAttribute.findMany({
          where: { typeId: { in: skillIds }, attributeId: { in: TRAINING_DOGMA_IDS } },
          select: { typeId: true, attributeId: true, value: true },
        }),
  ]);
  const facts = trainingFactsFromDogma(dogma);
  const attributesOf = new Map<number, CharacterAttributeValues>(attributes.map((a) => [a.characterId, a]));

  // Per (group, character): each unmet set's goals, and the union of them all.
  const bySet = new Map<string, Map<number, Map<number, TrainingGoal>>>();
  const union = new Map<string, Map<number, TrainingGoal>>();
  const add = (goals: Map<number, TrainingGoal>, m: MissingRow) => {
    const known = goals.get(m.skillTypeId);
    if (!known || known.level < m.level)
      goals.set(m.skillTypeId, { skillTypeId: m.skillTypeId, level: m.level, skillpoints: m.skillpoints });
  };
  for (const m of missing) {
    const key = trainingKey(m.groupId, m.characterId);
    if (!union.has(key)) union.set(key, new Map());
    if (!bySet.has(key)) bySet.set(key, new Map());
    const sets = bySet.get(key)!;
    if (!sets.has(m.skillSetId)) sets.set(m.skillSetId, new Map());
    add(union.get(key)!, m);
    add(sets.get(m.skillSetId)!, m);
  }

  const result = new Map<string, GroupTraining>();
  for (const { groupId, characterId } of pairs) {
    const key = trainingKey(groupId, characterId);
    const attrs = attributesOf.get(characterId) ?? null;
    const time = (goals: Map<number, TrainingGoal> | undefined) =>
      trainingSeconds([...(goals?.values() ?? [])], attrs, facts);
    let nearest: GroupTraining["nearest"] = null;
    for (const [skillSetId, goals] of bySet.get(key) ?? []) {
      const seconds = time(goals);
      if (!nearest || (seconds !== null && (nearest.seconds === null || seconds < nearest.seconds)))
        nearest = { skillSetId, seconds };
    }
    result.set(key, { allSeconds: time(union.get(key)), nearest });
  }
  return result;
}
