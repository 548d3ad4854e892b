// The skill-set report (Member Audit's third tab): one row per (active skill-set group,
// character with a check in one of its sets), with the sets whose required skills are
// met (ship icons), beyond Member Audit those whose recommended skills are met too, and
// the training time to the missing required skills. Unlike Member Audit's, it covers
// only the characters in the viewer's scope: the finder's (listableCharactersSql).
import { Prisma } from "@prisma/client";
import { z } from "zod";
import { listableCharactersSql, viewableCharactersSql } from "~/server/access/character-access-sql";
import { can, type Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { eveId32, safeText } from "~/server/paging/inputs";
import { everyRow, fullCountSql, type PageRead, type PageRequest, pageOf, readTotal, reportPageInput } from "./paging";
import { type GroupTraining, groupTraining, trainingKey } from "./skill-set-training";
import { likePattern, type Organisation, organisation, sqlOrder } from "./sql";

export const skillSetReportInput = z.object({
  ...reportPageInput,
  sort: z.enum(["character", "main", "corporation", "alliance", "group", "passed"]).default("group"),
  search: safeText(100).optional(),
  groupId: eveId32.optional(),
  /** Only characters meeting this set's required skills. */
  skillSetId: eveId32.optional(),
  corporationId: eveId32.optional(),
  allianceId: eveId32.optional(),
  /** true: at least one set of the group met; false: none. */
  requiredMet: z.boolean().optional(),
  mainOnly: z.boolean().optional(),
  doctrineOnly: z.boolean().optional(),
});
export type SkillSetReportInput = z.input<typeof skillSetReportInput>;
type Input = z.output<typeof skillSetReportInput>;

const CHARACTER = Prisma.raw("c");
const OWNERSHIP = Prisma.raw("o");

interface Row {
  groupId: number;
  groupName: string;
  isDoctrine: boolean;
  characterId: number;
  characterName: string;
  mainId: number | null;
  mainName: string | null;
  corporationId: number | null;
  corporationName: string | null;
  allianceId: number | null;
  allianceName: string | null;
  canView: boolean;
}

export interface ReportSkillSet {
  id: number;
  name: string;
  shipTypeId: number | null;
}

export interface SkillSetReportRow {
  group: { id: number; name: string; isDoctrine: boolean };
  character: { id: number; name: string };
  main: { id: number; name: string } | null;
  isMain: boolean;
  /** The main's organisation, as everywhere scopes are decided. */
  corporation: Organisation | null;
  alliance: Organisation | null;
  requiredMet: ReportSkillSet[];
  recommendedMet: ReportSkillSet[];
  training: GroupTraining;
  /** The viewer may open the character's sheet (the link). */
  canView: boolean;
  /** The link may go to the sheet's skill-set tab (view_skill_sets; src/server/sheet/skill-sets.ts), else the overview. */
  linkSkillSets: boolean;
}

/** Conditions on the character `c`/`ec`, its owner `o` and main `m`: the finder's scope and the filters. */
function characterConditions(viewer: Viewer, input: Input): Prisma.Sql[] {
  const all = [listableCharactersSql(viewer, CHARACTER, OWNERSHIP)];
  if (input.corporationId) all.push(Prisma.sql`m."corporationId" = ${input.corporationId}`);
  if (input.allianceId) all.push(Prisma.sql`m."allianceId" = ${input.allianceId}`);
  if (input.mainOnly) all.push(Prisma.sql`m.id = ec.id`);
  if (input.search) {
    const pattern = likePattern(input.search);
    all.push(Prisma.sql`(ec.name ILIKE ${pattern} OR m.name ILIKE ${pattern})`);
  }
  return all;
}

function groupConditions(input: Input): Prisma.Sql[] {
  const all = [Prisma.sql`g."isActive"`];
  if (input.groupId) all.push(Prisma.sql`g.id = ${input.groupId}`);
  if (input.doctrineOnly) all.push(Prisma.sql`g."isDoctrine"`);
  return all;
}

/** The primary sort's column, when it is not one of the keys every sort ends on (group and character names). */
const SORT_COLUMN: Record<Input["sort"], Prisma.Sql> = {
  character: Prisma.empty,
  group: Prisma.empty,
  main: Prisma.sql`, m.name AS "mainName"`,
  corporation: Prisma.sql`, m."corporationName"`,
  alliance: Prisma.sql`, m."allianceName"`,
  passed: Prisma.empty,
};

/**
 * The (group, character) pairs of the view, as `x`: the characters in scope `ch` joined
 * to the stored summary `s` (one row per pair with a check, and its met sets; kept by
 * triggers, see the migration 20261207140000_skill_set_group_checks). Only the keys the
 * sort needs are selected, so the rows counted and sorted stay narrow; the page's few
 * rows get their names afterwards (readRows), and PostgreSQL drops the owner and main
 * joins when neither a filter nor the sort reads them.
 */
function pairsSql(viewer: Viewer, input: Input): Prisma.Sql {
  const where = groupConditions(input);
  if (input.requiredMet === true) where.push(Prisma.sql`cardinality(s."requiredMet") > 0`);
  if (input.requiredMet === false) where.push(Prisma.sql`cardinality(s."requiredMet") = 0`);
  if (input.skillSetId) where.push(Prisma.sql`${input.skillSetId}::int = ANY(s."requiredMet")`);
  const passed = input.sort === "passed" ? Prisma.sql`, cardinality(s."requiredMet") AS passed` : Prisma.empty;
  // OFFSET 0 keeps ch a subquery of its own: the scope is then decided once per character,
  // not once per (group, character) pair as the planner's join order would have it.
  return Prisma.sql`(
    SELECT s."groupId", g.name AS "groupName", ch.*${passed}
    FROM (
      SELECT c.id AS "characterId", ec.name AS "characterName"${SORT_COLUMN[input.sort]}
      FROM "Character" c
      JOIN "EveCharacter" ec ON ec.id = c.id
      LEFT JOIN "CharacterOwnership" o ON o."characterId" = c.id
      LEFT JOIN "User" u ON u.id = o."userId"
      LEFT JOIN "EveCharacter" m ON m.id = u."mainCharacterId"
      WHERE ${Prisma.join(characterConditions(viewer, input), " AND ")}
      OFFSET 0
    ) ch
    JOIN "CharacterSkillSetGroupCheck" s ON s."characterId" = ch."characterId"
    JOIN "SkillSetGroup" g ON g.id = s."groupId"
    WHERE ${Prisma.join(where, " AND ")}
  ) x`;
}

/** For the page's pairs: the sets whose required skills are met, and those whose recommended skills are met too. */
async function setsMet(db: Db, pairs: readonly { groupId: number; characterId: number }[]) {
  if (pairs.length === 0) return new Map<string, { requiredMet: number[]; recommendedMet: number[] }>();
  const rows = await db.$queryRaw<
    { groupId: number; characterId: number; requiredMet: number[]; recommendedMet: number[] }[]
  >`
    SELECT sg."B" AS "groupId", k."characterId",
      COALESCE(array_agg(k."skillSetId") FILTER (WHERE cardinality(k."failedRequired") = 0), '{}') AS "requiredMet",
      COALESCE(array_agg(k."skillSetId") FILTER (
        WHERE cardinality(k."failedRequired") = 0 AND cardinality(k."failedRecommended") = 0
          AND EXISTS (SELECT 1 FROM "SkillSetSkill" r WHERE r."skillSetId" = k."skillSetId" AND r."recommendedLevel" IS NOT NULL)
      ), '{}') AS "recommendedMet"
    FROM "CharacterSkillSetCheck" k
    JOIN "_SkillSetToSkillSetGroup" sg ON sg."A" = k."skillSetId"
    WHERE k."characterId" IN (${Prisma.join([...new Set(pairs.map((p) => p.characterId))])})
      AND sg."B" IN (${Prisma.join([...new Set(pairs.map((p) => p.groupId))])})
    GROUP BY sg."B", k."characterId"`;
  return new Map(rows.map((r) => [trainingKey(r.groupId, r.characterId), r]));
}

/** The view's order over the grouped rows, as `alias` (the page query reads them twice). */
function orderBy(input: Input, alias = "x"): Prisma.Sql {
  const dir = sqlOrder(input.order);
  const t = Prisma.raw(alias);
  const primary = {
    character: Prisma.sql`${t}."characterName" ${dir}`,
    main: Prisma.sql`${t}."mainName" ${dir} NULLS LAST`,
    corporation: Prisma.sql`${t}."corporationName" ${dir} NULLS LAST`,
    alliance: Prisma.sql`${t}."allianceName" ${dir} NULLS LAST`,
    group: Prisma.sql`${t}."groupName" ${dir}`,
    passed: Prisma.sql`${t}.passed ${dir}`,
  }[input.sort];
  return Prisma.sql`${primary}, ${t}."groupName" ASC, ${t}."characterName" ASC, ${t}."groupId" ASC, ${t}."characterId" ASC`;
}

async function readRows(db: Db, viewer: Viewer, input: Input, page: PageRequest): Promise<PageRead<SkillSetReportRow>> {
  // Names, organisation and may the viewer open the sheet: read for the page's rows only, after the limit.
  const rows = await db.$queryRaw<(Row & { fullCount?: number })[]>`
    SELECT y."groupId", y."groupName", g."isDoctrine", y."characterId", y."characterName",
      m.id AS "mainId", m.name AS "mainName", m."corporationId", m."corporationName", m."allianceId", m."allianceName",
      ${viewableCharactersSql(viewer, CHARACTER, OWNERSHIP)} AS "canView"${page.withTotal ? Prisma.sql`, y."fullCount"` : Prisma.empty}
    FROM (
      SELECT x.*${fullCountSql(page)} FROM ${pairsSql(viewer, input)}
      ORDER BY ${orderBy(input)} LIMIT ${page.limit} OFFSET ${page.offset}
    ) y
    JOIN "SkillSetGroup" g ON g.id = y."groupId"
    JOIN "Character" c ON c.id = y."characterId"
    LEFT JOIN "CharacterOwnership" o ON o."characterId" = c.id
    LEFT JOIN "User" u ON u.id = o."userId"
    LEFT JOIN "EveCharacter" m ON m.id = u."mainCharacterId"
    ORDER BY ${orderBy(input, "y")}`;
  const [met, training] = await Promise.all([setsMet(db, rows), groupTraining(db, rows)]);
  const none = { requiredMet: [], recommendedMet: [] };
  const setIds = [...new Set([...met.values()].flatMap((m) => [...m.requiredMet, ...m.recommendedMet]))];
  const sets =
    setIds.length === 0
      ? []
      : await db.skillSet.findMany({
          where: { id: { in: setIds } },
          select: { id: true, name: true, shipTypeId: true },
        });
  const setById = new Map(sets.map((s) => [s.id, s]));
  const named = (ids: number[]) =>
    ids
      .map((id) => setById.get(id)!)
      .filter(Boolean)
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    total: readTotal(rows),
    rows: rows.map((r) => ({
      group: { id: r.groupId, name: r.groupName, isDoctrine: r.isDoctrine },
      character: { id: r.characterId, name: r.characterName },
      main: r.mainId === null ? null : { id: r.mainId, name: r.mainName! },
      isMain: r.mainId === r.characterId,
      corporation: organisation(r.corporationId, r.corporationName),
      alliance: organisation(r.allianceId, r.allianceName),
      requiredMet: named((met.get(trainingKey(r.groupId, r.characterId)) ?? none).requiredMet),
      recommendedMet: named((met.get(trainingKey(r.groupId, r.characterId)) ?? none).recommendedMet),
      training: training.get(trainingKey(r.groupId, r.characterId)) ?? { allSeconds: 0, nearest: null },
      canView: r.canView,
      linkSkillSets: r.canView && can(viewer, "view_skill_sets"),
    })),
  };
}

export async function skillSetReport(db: Db, viewer: Viewer, raw: SkillSetReportInput) {
  const input = skillSetReportInput.parse(raw);
  return pageOf(input, (page) => readRows(db, viewer, input, page));
}

/** Every row of the view (the CSV download). */
export function skillSetReportRows(db: Db, viewer: Viewer, raw: SkillSetReportInput, batch?: number) {
  const input = skillSetReportInput.parse({ ...raw, cursor: undefined });
  return everyRow((page) => readRows(db, viewer, input, page), batch);
}
