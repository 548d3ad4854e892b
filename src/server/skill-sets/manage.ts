// Managing skill sets and their groups (Member Audit's admin pages). Every change to
// what sets require makes the skill_sets section stale for all characters, so the
// next update scan recomputes the checks (Member Audit's forced recompute after save).
import { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import { AppError, notFound } from "~/server/errors/app-error";
import { skillSets as skillSetsSection } from "~/server/sections/skill-sets";

/** The editor's mistakes (duplicate names, missing levels) are theirs to fix: BAD_INPUT with the message. */
export const skillSetError = (message: string) => new AppError("BAD_INPUT", message);

export interface SkillLevelInput {
  skillTypeId: number;
  requiredLevel?: number | null;
  recommendedLevel?: number | null;
}

export interface SkillSetInput {
  name: string;
  description?: string;
  shipTypeId?: number | null;
  isVisible?: boolean;
  groupIds?: number[];
  skills: SkillLevelInput[];
}

export interface SkillSetGroupInput {
  name: string;
  description?: string;
  isDoctrine?: boolean;
  isActive?: boolean;
  skillSetIds?: number[];
}

/** Recomputes come from the update engine: no status row means stale. */
export async function markSkillChecksStale(db: Db | Prisma.TransactionClient): Promise<void> {
  await db.sectionUpdateStatus.deleteMany({ where: { section: skillSetsSection.name } });
}

function validSkills(
  skills: readonly SkillLevelInput[],
): { skillTypeId: number; requiredLevel: number | null; recommendedLevel: number | null }[] {
  const seen = new Set<number>();
  return skills.map((s) => {
    if (seen.has(s.skillTypeId)) throw skillSetError(`Skill ${s.skillTypeId} is listed twice.`);
    seen.add(s.skillTypeId);
    const requiredLevel = s.requiredLevel ?? null;
    const recommendedLevel = s.recommendedLevel ?? null;
    if (requiredLevel === null && recommendedLevel === null)
      throw skillSetError(`Skill ${s.skillTypeId} needs a required or a recommended level.`);
    return { skillTypeId: s.skillTypeId, requiredLevel, recommendedLevel };
  });
}

function uniqueName<T>(what: string, name: string) {
  return (error: unknown): T => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw skillSetError(`A ${what} named "${name}" exists already.`);
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2025" || error.code === "P2018")) {
      throw skillSetError(`No such ${what}, or it names a group or skill set that does not exist.`);
    }
    throw error;
  };
}

export async function listSkillSets(db: Db) {
  const [sets, groups] = await Promise.all([
    db.skillSet.findMany({
      orderBy: { name: "asc" },
      include: {
        skills: { orderBy: { skillTypeId: "asc" } },
        groups: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      },
    }),
    db.skillSetGroup.findMany({
      orderBy: { name: "asc" },
      include: { skillSets: { select: { id: true, name: true }, orderBy: { name: "asc" } } },
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
  return {
    skillSets: sets.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      shipTypeId: s.shipTypeId,
      shipName: s.shipTypeId ? typeName(s.shipTypeId) : null,
      isVisible: s.isVisible,
      lastModifiedAt: s.lastModifiedAt,
      lastModifiedBy: s.lastModifiedBy,
      groups: s.groups,
      skills: s.skills.map((k) => ({
        skillTypeId: k.skillTypeId,
        name: typeName(k.skillTypeId),
        requiredLevel: k.requiredLevel,
        recommendedLevel: k.recommendedLevel,
      })),
    })),
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      description: g.description,
      isDoctrine: g.isDoctrine,
      isActive: g.isActive,
      lastModifiedAt: g.lastModifiedAt,
      skillSets: g.skillSets,
    })),
  };
}

export async function createSkillSet(db: Db, input: SkillSetInput, by: string | null) {
  const skills = validSkills(input.skills);
  return db.$transaction(async (tx) => {
    const set = await tx.skillSet
      .create({
        data: {
          name: input.name,
          description: input.description ?? "",
          shipTypeId: input.shipTypeId ?? null,
          isVisible: input.isVisible ?? true,
          lastModifiedBy: by,
          groups: { connect: (input.groupIds ?? []).map((id) => ({ id })) },
          skills: { create: skills },
        },
      })
      .catch(uniqueName<never>("skill set", input.name));
    await markSkillChecksStale(tx);
    return { id: set.id };
  });
}

/** Replaces the set's fields, groups and skills. */
export async function updateSkillSet(db: Db, id: number, input: SkillSetInput, by: string | null) {
  const skills = validSkills(input.skills);
  return db.$transaction(async (tx) => {
    // An unknown set is NOT_FOUND; a missing row after this check is a group it names.
    if (!(await tx.skillSet.findUnique({ where: { id }, select: { id: true } }))) throw notFound("Skill set");
    await tx.skillSet
      .update({
        where: { id },
        data: {
          name: input.name,
          description: input.description ?? "",
          shipTypeId: input.shipTypeId ?? null,
          isVisible: input.isVisible ?? true,
          lastModifiedBy: by,
          groups: { set: (input.groupIds ?? []).map((g) => ({ id: g })) },
          skills: { deleteMany: {}, create: skills },
        },
      })
      .catch(uniqueName<never>("skill set", input.name));
    await markSkillChecksStale(tx);
    return { id };
  });
}

export async function deleteSkillSet(db: Db, id: number) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.skillSet.deleteMany({ where: { id } });
    if (count === 0) throw notFound("Skill set");
    await markSkillChecksStale(tx);
    return { id };
  });
}

/** Member Audit's "Clone selected skill sets": a copy named "<name> 2" (or the next free number). */
export async function cloneSkillSet(db: Db, id: number, by: string | null) {
  const source = await db.skillSet.findUnique({
    where: { id },
    include: { skills: true, groups: { select: { id: true } } },
  });
  if (!source) throw notFound("Skill set");
  const taken = new Set(
    (await db.skillSet.findMany({ where: { name: { startsWith: source.name } }, select: { name: true } })).map(
      (s) => s.name,
    ),
  );
  let n = 2;
  while (taken.has(`${source.name} ${n}`)) n += 1;
  return createSkillSet(
    db,
    {
      name: `${source.name} ${n}`,
      description: source.description,
      shipTypeId: source.shipTypeId,
      isVisible: source.isVisible,
      groupIds: source.groups.map((g) => g.id),
      skills: source.skills,
    },
    by,
  );
}

export async function createSkillSetGroup(db: Db, input: SkillSetGroupInput, by: string | null) {
  const group = await db.skillSetGroup
    .create({
      data: {
        name: input.name,
        description: input.description ?? "",
        isDoctrine: input.isDoctrine ?? false,
        isActive: input.isActive ?? true,
        lastModifiedBy: by,
        skillSets: { connect: (input.skillSetIds ?? []).map((id) => ({ id })) },
      },
    })
    .catch(uniqueName<never>("skill set group", input.name));
  return { id: group.id };
}

export async function updateSkillSetGroup(db: Db, id: number, input: SkillSetGroupInput, by: string | null) {
  if (!(await db.skillSetGroup.findUnique({ where: { id }, select: { id: true } }))) throw notFound("Skill set group");
  await db.skillSetGroup
    .update({
      where: { id },
      data: {
        name: input.name,
        description: input.description ?? "",
        isDoctrine: input.isDoctrine ?? false,
        isActive: input.isActive ?? true,
        lastModifiedBy: by,
        skillSets: { set: (input.skillSetIds ?? []).map((s) => ({ id: s })) },
      },
    })
    .catch(uniqueName<never>("skill set group", input.name));
  return { id };
}

export async function deleteSkillSetGroup(db: Db, id: number) {
  const { count } = await db.skillSetGroup.deleteMany({ where: { id } });
  if (count === 0) throw notFound("Skill set group");
  return { id };
}

/** Skill types by name prefix, for the skill pickers (category Skill = 16, or Ship = 6). */
export async function searchTypes(db: Db, query: string, categoryId: 16 | 6, take = 20) {
  return db.eveType.findMany({
    where: { name: { contains: query, mode: "insensitive" }, published: true, group: { categoryId } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take,
  });
}
