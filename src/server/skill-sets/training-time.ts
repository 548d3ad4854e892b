// How long a character needs to train skills up to given levels, by EVE's rules: a
// level needs SKILLPOINTS[level] x the skill's rank in total, and a character trains
// primary + secondary / 2 skill points a minute from its attributes (ESI's
// /attributes, as the section stores them). Implants and boosters are in those
// attributes only as far as ESI reports them; no clone or booster is guessed.
import { DOGMA } from "~/server/universe/types";

/** Total skill points a rank-1 skill holds at each level (EVE's table, 0-5). */
const SKILLPOINTS = [0, 250, 1415, 8000, 45255, 256000] as const;

/** Dogma attribute ids of the five character attributes, as skills name their primary/secondary. */
export const ATTRIBUTE_IDS = {
  charisma: 164,
  intelligence: 165,
  memory: 166,
  perception: 167,
  willpower: 168,
} as const;
export type CharacterAttributeValues = Record<keyof typeof ATTRIBUTE_IDS, number>;

export interface SkillTrainingFacts {
  rank: number;
  primaryAttributeId: number;
  secondaryAttributeId: number;
}

export function skillpointsForLevel(rank: number, level: number): number {
  return Math.round((SKILLPOINTS[Math.max(0, Math.min(5, level))] ?? 0) * rank);
}

function attributeValue(attributes: CharacterAttributeValues, attributeId: number): number | null {
  const name = (Object.keys(ATTRIBUTE_IDS) as (keyof typeof ATTRIBUTE_IDS)[]).find(
    (key) => ATTRIBUTE_IDS[key] === attributeId,
  );
  return name ? attributes[name] : null;
}

export function skillpointsPerMinute(attributes: CharacterAttributeValues, skill: SkillTrainingFacts): number | null {
  const primary = attributeValue(attributes, skill.primaryAttributeId);
  const secondary = attributeValue(attributes, skill.secondaryAttributeId);
  if (primary === null || secondary === null) return null;
  return primary + secondary / 2;
}

export interface TrainingGoal {
  skillTypeId: number;
  level: number;
  /** Skill points the character already has in the skill. */
  skillpoints: number;
}

/**
 * Seconds to train every goal in turn, or null when a skill's facts or the attributes
 * are unknown (not loaded yet): an unknown time is not zero.
 */
export function trainingSeconds(
  goals: readonly TrainingGoal[],
  attributes: CharacterAttributeValues | null,
  facts: ReadonlyMap<number, SkillTrainingFacts>,
): number | null {
  if (goals.length === 0) return 0;
  if (!attributes) return null;
  let seconds = 0;
  for (const goal of goals) {
    const skill = facts.get(goal.skillTypeId);
    const rate = skill ? skillpointsPerMinute(attributes, skill) : null;
    if (!skill || !rate) return null;
    const missing = Math.max(0, skillpointsForLevel(skill.rank, goal.level) - goal.skillpoints);
    seconds += (missing / rate) * 60;
  }
  return Math.round(seconds);
}

/** The dogma rows the stored types carry, turned into each skill's training facts; skills missing one are left out. */
export function trainingFactsFromDogma(
  rows: readonly { typeId: number; attributeId: number; value: number }[],
): Map<number, SkillTrainingFacts> {
  const byType = new Map<number, Map<number, number>>();
  for (const r of rows) {
    if (!byType.has(r.typeId)) byType.set(r.typeId, new Map());
    byType.get(r.typeId)!.set(r.attributeId, r.value);
  }
  const facts = new Map<number, SkillTrainingFacts>();
  for (const [typeId, values] of byType) {
    const rank = values.get(DOGMA.skillRank);
    const primary = values.get(DOGMA.primaryAttribute);
    const secondary = values.get(DOGMA.secondaryAttribute);
    if (rank === undefined || primary === undefined || secondary === undefined) continue;
    facts.set(typeId, { rank, primaryAttributeId: primary, secondaryAttributeId: secondary });
  }
  return facts;
}

export const TRAINING_DOGMA_IDS = [DOGMA.skillRank, DOGMA.primaryAttribute, DOGMA.secondaryAttribute];
