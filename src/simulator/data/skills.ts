// Skills, skill queue and attributes. Trained skills always carry their
// prerequisites, skill points follow CCP's curve for the skill's rank, and the
// queue trains at the speed the character's attributes allow.
import { ATTRIBUTE_IDS, findSkill, type SkillInfo, skills as allSkills } from "./catalog";
import type { EsiGet, EsiItem } from "./esi-types";
import { DAY_MS, isoSeconds, MINUTE_MS } from "./ids";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type SkillsBody = EsiGet<"/characters/{character_id}/skills">;
export type SkillEntry = EsiItem<"/characters/{character_id}/skillqueue">;
export type AttributesBody = EsiGet<"/characters/{character_id}/attributes">;

export interface SkillsSection {
  skills: SkillsBody;
  queue: SkillEntry[];
  attributes: AttributesBody;
}

/** Skill points needed for `level`: 250 x rank x sqrt(32)^(level-1), rounded up as the client shows them. */
export function spForLevel(rank: number, level: number): number {
  if (level <= 0) return 0;
  return Math.ceil(250 * rank * 32 ** ((level - 1) / 2) - 1e-6);
}

const ATTRIBUTE_KEYS = ["charisma", "intelligence", "memory", "perception", "willpower"] as const;
type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

function attributeValue(attributes: AttributesBody, dogmaId: number): number {
  const key = ATTRIBUTE_KEYS.find((k) => ATTRIBUTE_IDS[k] === dogmaId);
  return key ? attributes[key] : 17;
}

/** Skill points per minute: primary + secondary / 2. */
export function trainingRate(skill: SkillInfo, attributes: AttributesBody): number {
  return attributeValue(attributes, skill.primary) + attributeValue(attributes, skill.secondary) / 2;
}

function generateAttributes(ctx: CharacterContext, rng: Rng): AttributesBody {
  // A remap spreads 14 points over 17-base attributes, at most 10 on one.
  const combat = ["hunter", "ratter", "newbie"].includes(ctx.profile.archetype);
  const [main, second] = combat ? (["perception", "willpower"] as const) : (["intelligence", "memory"] as const);
  const values: Record<AttributeKey, number> = {
    charisma: 17,
    intelligence: 17,
    memory: 17,
    perception: 17,
    willpower: 17,
  };
  const mainPoints = rng.int(4, 10);
  values[main] += mainPoints;
  values[second] += 14 - mainPoints;
  const lastRemap = rng.daysBefore(ctx.anchorMs, 20, 900);
  return {
    ...values,
    bonus_remaps: rng.int(0, 2),
    last_remap_date: isoSeconds(lastRemap),
    accrued_remap_cooldown_date: isoSeconds(lastRemap + 365 * DAY_MS),
  };
}

const LEVEL_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 10],
  [2, 15],
  [3, 30],
  [4, 30],
  [5, 15],
];
const NEWBIE_LEVELS: readonly (readonly [number, number])[] = [
  [1, 35],
  [2, 35],
  [3, 25],
  [4, 5],
];

function chooseLevels(ctx: CharacterContext, rng: Rng): Map<number, number> {
  const levels = new Map<number, number>();
  const pool = allSkills();
  const target = Math.min(ctx.profile.volumes.skills, pool.length);
  const weights = ctx.profile.archetype === "newbie" ? NEWBIE_LEVELS : LEVEL_WEIGHTS;
  const learn = (skillId: number, level: number, depth: number) => {
    const skill = findSkill(skillId);
    if (!skill || depth > 10) return;
    for (const [required, requiredLevel] of skill.requires) learn(required, requiredLevel, depth + 1);
    levels.set(skillId, Math.max(levels.get(skillId) ?? 0, level));
  };
  for (let guard = 0; levels.size < target && guard < target * 20; guard++) {
    const skill = rng.pick(pool);
    if (!levels.has(skill.type.id)) learn(skill.type.id, rng.weighted(weights), 0);
  }
  return levels;
}

/** Chains start/finish dates from `startMs`; a paused queue has none. */
export function scheduleQueue(queue: SkillEntry[], attributes: AttributesBody, startMs: number, paused: boolean): void {
  let at = startMs;
  queue.forEach((entry, position) => {
    entry.queue_position = position;
    const skill = findSkill(entry.skill_id);
    if (paused || !skill) {
      delete entry.start_date;
      delete entry.finish_date;
      return;
    }
    const remaining = (entry.level_end_sp ?? 0) - (entry.training_start_sp ?? entry.level_start_sp ?? 0);
    const duration = Math.ceil((Math.max(0, remaining) / trainingRate(skill, attributes)) * MINUTE_MS);
    entry.start_date = isoSeconds(at);
    at += duration;
    entry.finish_date = isoSeconds(at);
  });
}

function generateQueue(
  ctx: CharacterContext,
  rng: Rng,
  levels: Map<number, number>,
  attributes: AttributesBody,
): SkillEntry[] {
  const queued = new Map(levels);
  const queue: SkillEntry[] = [];
  const canTrain = (skill: SkillInfo) => skill.requires.every(([id, level]) => (queued.get(id) ?? 0) >= level);
  const pool = allSkills();
  for (let guard = 0; queue.length < ctx.profile.volumes.queue && guard < 2000; guard++) {
    const skill = rng.chance(0.7) && queued.size > 0 ? findSkill(rng.pick([...queued.keys()])) : rng.pick(pool);
    if (!skill || !canTrain(skill)) continue;
    const level = (queued.get(skill.type.id) ?? 0) + 1;
    if (level > 5) continue;
    queued.set(skill.type.id, level);
    queue.push({
      skill_id: skill.type.id,
      finished_level: level,
      queue_position: queue.length,
      level_start_sp: spForLevel(skill.rank, level - 1),
      level_end_sp: spForLevel(skill.rank, level),
      training_start_sp: spForLevel(skill.rank, level - 1),
    });
  }
  const first = queue[0];
  const firstSkill = first && findSkill(first.skill_id);
  if (!first || !firstSkill) return queue;
  // The head of the queue has been training for a while: part of its level is done.
  const span = (first.level_end_sp ?? 0) - (first.level_start_sp ?? 0);
  const progress = rng.chance(0.3) ? Math.floor(span * rng.float(0, 0.5)) : 0;
  first.training_start_sp = (first.level_start_sp ?? 0) + progress;
  const fullMinutes = ((first.level_end_sp ?? 0) - first.training_start_sp) / trainingRate(firstSkill, attributes);
  const startedMs = ctx.anchorMs - Math.floor(fullMinutes * MINUTE_MS * rng.float(0.05, 0.9));
  scheduleQueue(queue, attributes, startedMs, rng.chance(0.15));
  return queue;
}

export function generateSkills(ctx: CharacterContext): SkillsSection {
  const rng = ctx.rng("skills");
  const attributes = generateAttributes(ctx, rng);
  const levels = chooseLevels(ctx, rng);
  const queue = generateQueue(ctx, rng, levels, attributes);
  // Skills queued but never trained are injected at level 0.
  for (const entry of queue) if (!levels.has(entry.skill_id)) levels.set(entry.skill_id, 0);
  const head = queue[0];
  const list = [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([skillId, level]) => {
      const rank = findSkill(skillId)?.rank ?? 1;
      const sp =
        head?.skill_id === skillId ? (head.training_start_sp ?? spForLevel(rank, level)) : spForLevel(rank, level);
      return { skill_id: skillId, trained_skill_level: level, active_skill_level: level, skillpoints_in_skill: sp };
    });
  const unallocated = rng.chance(0.25) ? rng.int(1, 50) * 10_000 : undefined;
  return {
    skills: {
      skills: list,
      total_sp: list.reduce((sum, s) => sum + s.skillpoints_in_skill, 0),
      ...(unallocated === undefined ? {} : { unallocated_sp: unallocated }),
    },
    queue,
    attributes,
  };
}

/**
 * Completes the head of the queue: its skill reaches the finished level and
 * its end SP, the queue shrinks by one and the next entry starts at `nowMs`.
 * An empty queue trains one level of the cheapest unfinished skill directly.
 * Returns the skill id trained.
 */
export function finishFirstQueued(section: SkillsSection, nowMs: number): number | undefined {
  const head = section.queue[0];
  const list = section.skills.skills;
  let skillId: number;
  let level: number;
  if (head) {
    skillId = head.skill_id;
    level = head.finished_level;
  } else {
    const candidate = list
      .filter((s) => s.trained_skill_level < 5)
      .sort(
        (a, b) =>
          spForLevel(findSkill(a.skill_id)?.rank ?? 1, a.trained_skill_level + 1) -
          spForLevel(findSkill(b.skill_id)?.rank ?? 1, b.trained_skill_level + 1),
      )[0];
    if (!candidate) return undefined;
    skillId = candidate.skill_id;
    level = candidate.trained_skill_level + 1;
  }
  const rank = findSkill(skillId)?.rank ?? 1;
  const endSp = spForLevel(rank, level);
  const index = list.findIndex((s) => s.skill_id === skillId);
  const before = list[index]?.skillpoints_in_skill ?? 0;
  const trained = {
    skill_id: skillId,
    trained_skill_level: level,
    active_skill_level: level,
    skillpoints_in_skill: endSp,
  };
  if (index >= 0) list[index] = trained;
  else list.push(trained);
  section.skills = { ...section.skills, skills: list, total_sp: section.skills.total_sp + (endSp - before) };
  if (head) {
    const paused = head.start_date === undefined;
    section.queue = section.queue.slice(1);
    const next = section.queue[0];
    if (next)
      next.training_start_sp =
        list.find((s) => s.skill_id === next.skill_id)?.skillpoints_in_skill ?? next.level_start_sp;
    scheduleQueue(section.queue, section.attributes, nowMs, paused);
  }
  return skillId;
}
