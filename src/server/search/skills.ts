// "Who can fly X": the characters in scope with one skill at a minimum level, or
// passing a skill set's required skills (the skill-set checks the reports read, so the
// answer is the one the sheet's skill-set tab gives). Levels are the active ones, as the
// checks use: an alpha clone's capped level is what the character can use now.
import { Prisma } from "@prisma/client";
import { z } from "zod";
import { can, type Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors/app-error";
import { eveId32 } from "~/server/paging/inputs";
import { inScope, keysetCursor, pageFrom, type SearchPage, scopeJoins, searchPageInput, sheetPath } from "./scope";

export const skillSearchInput = z.object({
  skillId: eveId32,
  minLevel: z.number().int().min(1).max(5).default(1),
  ...searchPageInput,
});
export type SkillSearchInput = z.input<typeof skillSearchInput>;

export const skillSetSearchInput = z.object({
  skillSetId: eveId32,
  ...searchPageInput,
});
export type SkillSetSearchInput = z.input<typeof skillSetSearchInput>;

interface Character {
  id: number;
  name: string;
  corporationName: string | null;
}

export interface SkillSearchRow {
  character: Character;
  activeLevel: number;
  trainedLevel: number;
  skillpoints: number;
  href: string;
}

export interface SkillSetSearchRow {
  character: Character;
  /** The recommended levels are met too. */
  recommendedMet: boolean;
  href: string;
}

const nameCursor = (input: { cursor?: string; limit: number }) =>
  keysetCursor(input, (query) => z.tuple([z.string().max(200), eveId32, query]));

const afterName = (after: [string, number, string] | null) =>
  after ? Prisma.sql`AND (ec.name, ec.id) > (${after[0]}, ${after[1]}::int)` : Prisma.empty;

const character = (r: Character): Character => ({ id: r.id, name: r.name, corporationName: r.corporationName });

export async function searchSkill(db: Db, viewer: Viewer, raw: SkillSearchInput): Promise<SearchPage<SkillSearchRow>> {
  const input = skillSearchInput.parse(raw);
  const cursor = nameCursor(input);
  const total = cursor.after ? Prisma.empty : Prisma.sql`, count(*) OVER ()::int AS total`;
  const rows = await db.$queryRaw<
    (Character & { activeLevel: number; trainedLevel: number; skillpoints: number; total?: number })[]
  >`
    SELECT ec.id, ec.name, ec."corporationName", k."activeSkillLevel" AS "activeLevel",
      k."trainedSkillLevel" AS "trainedLevel", k."skillpointsInSkill" AS skillpoints ${total}
    FROM "CharacterSkill" k ${scopeJoins(Prisma.sql`k."characterId"`)}
    WHERE k."skillId" = ${input.skillId} AND k."activeSkillLevel" >= ${input.minLevel} AND ${inScope(viewer)}
      ${afterName(cursor.after)}
    ORDER BY ec.name, ec.id
    LIMIT ${input.limit + 1}`;
  return pageFrom(
    rows,
    input.limit,
    (r) => ({
      character: character(r),
      activeLevel: r.activeLevel,
      trainedLevel: r.trainedLevel,
      skillpoints: r.skillpoints,
      href: sheetPath(r.id, "skills"),
    }),
    (r) => [r.name, r.id],
    cursor.next,
    cursor.after ? null : (rows[0]?.total ?? 0),
  );
}

/** Skill sets are doctrine fits: naming one, like reading the sheet's skill-set tab, needs view_skill_sets. */
export function assertMaySearchSkillSets(viewer: Viewer): void {
  if (!can(viewer, "view_skill_sets")) throw new AppError("FORBIDDEN", "Missing permission: view_skill_sets");
}

export async function searchSkillSet(
  db: Db,
  viewer: Viewer,
  raw: SkillSetSearchInput,
): Promise<SearchPage<SkillSetSearchRow>> {
  assertMaySearchSkillSets(viewer);
  const input = skillSetSearchInput.parse(raw);
  const cursor = nameCursor(input);
  const total = cursor.after ? Prisma.empty : Prisma.sql`, count(*) OVER ()::int AS total`;
  const rows = await db.$queryRaw<(Character & { recommendedMet: boolean; total?: number })[]>`
    SELECT ec.id, ec.name, ec."corporationName", cardinality(k."failedRecommended") = 0 AS "recommendedMet" ${total}
    FROM "CharacterSkillSetCheck" k ${scopeJoins(Prisma.sql`k."characterId"`)}
    WHERE k."skillSetId" = ${input.skillSetId} AND cardinality(k."failedRequired") = 0 AND ${inScope(viewer)}
      ${afterName(cursor.after)}
    ORDER BY ec.name, ec.id
    LIMIT ${input.limit + 1}`;
  return pageFrom(
    rows,
    input.limit,
    (r) => ({ character: character(r), recommendedMet: r.recommendedMet, href: sheetPath(r.id, "skill-sets") }),
    (r) => [r.name, r.id],
    cursor.next,
    cursor.after ? null : (rows[0]?.total ?? 0),
  );
}
