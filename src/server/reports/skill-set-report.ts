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
  requiredMet: number[];
  recommendedMet: number[];
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

/** The characters the report may list (the finder's scope), with the filters on the character and its main. */
function charactersSql(viewer: Viewer, input: Input): Prisma.Sql {
  const all = [listableCharactersSql(viewer, CHARACTER, OWNERSHIP)];
  if (input.corporationId) all.push(Prisma.sql`m."corporationId" = ${input.corporationId}`);
  if (input.allianceId) all.push(Prisma.sql`m."allianceId" = ${input.allianceId}`);
  if (input.mainOnly) all.push(Prisma.sql`m.id = ec.id`);
  if (input.search) {
    const pattern = likePattern(input.search);
    all.push(Prisma.sql`(ec.name ILIKE ${pattern} OR m.name ILIKE ${pattern})`);
  }
  return Prisma.sql`SELECT c.id FROM "Character" c
    JOIN "EveCharacter" ec ON ec.id = c.id
    LEFT JOIN "CharacterOwnership" o ON o."characterId" = c.id
    LEFT JOIN "User" u ON u.id = o."userId"
    LEFT JOIN "EveCharacter" m ON m.id = u."mainCharacterId"
    WHERE ${Prisma.join(all, " AND ")}`;
}

function groupsSql(input: Input): Prisma.Sql {
  const all = [Prisma.sql`g."isActive"`];
  if (input.groupId) all.push(Prisma.sql`g.id = ${input.groupId}`);
  if (input.doctrineOnly) all.push(Prisma.sql`g."isDoctrine"`);
  return Prisma.sql`SELECT g.id FROM "SkillSetGroup" g WHERE ${Prisma.join(all, " AND ")}`;
}

/** Filters on the grouped rows `x`. */
function groupWhere(input: Input): Prisma.Sql {
  const all: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.requiredMet !== undefined)
    all.push(
      input.requiredMet ? Prisma.sql`cardinality(x."requiredMet") > 0` : Prisma.sql`cardinality(x."requiredMet") = 0`,
    );
  if (input.skillSetId) all.push(Prisma.sql`${input.skillSetId}::int = ANY(x."requiredMet")`);
  return Prisma.join(all, " AND ");
}

/**
 * The (group, character) pairs, aggregated over ids alone (the checks are the big
 * table: characters x sets), then joined to the names and owners the page shows.
 */
function groupedSql(viewer: Viewer, input: Input): Prisma.Sql {
  // Booleans before aggregating: sorting the checks' arrays for the grouping cost more than the grouping.
  return Prisma.sql`(
    SELECT p.*, g.name AS "groupName", g."isDoctrine", ec.name AS "characterName",
      m.id AS "mainId", m.name AS "mainName", m."corporationId", m."corporationName", m."allianceId", m."allianceName"
    FROM (
      SELECT sg."B" AS "groupId", chk."characterId",
        COALESCE(array_agg(chk."skillSetId") FILTER (WHERE chk.met), '{}') AS "requiredMet",
        COALESCE(array_agg(chk."skillSetId") FILTER (WHERE chk.met AND chk."metRecommended"), '{}') AS "recommendedMet"
      FROM (
        SELECT k."characterId", k."skillSetId", cardinality(k."failedRequired") = 0 AS met,
          cardinality(k."failedRecommended") = 0
            AND k."skillSetId" IN (SELECT r."skillSetId" FROM "SkillSetSkill" r WHERE r."recommendedLevel" IS NOT NULL)
            AS "metRecommended"
        FROM "CharacterSkillSetCheck" k
        WHERE k."characterId" IN (${charactersSql(viewer, input)})
      ) chk
      JOIN "_SkillSetToSkillSetGroup" sg ON sg."A" = chk."skillSetId"
      WHERE sg."B" IN (${groupsSql(input)})
      GROUP BY sg."B", chk."characterId"
    ) p
    JOIN "SkillSetGroup" g ON g.id = p."groupId"
    JOIN "EveCharacter" ec ON ec.id = p."characterId"
    LEFT JOIN "CharacterOwnership" o ON o."characterId" = ec.id
    LEFT JOIN "User" u ON u.id = o."userId"
    LEFT JOIN "EveCharacter" m ON m.id = u."mainCharacterId"
  ) x`;
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
    passed: Prisma.sql`cardinality(${t}."requiredMet") ${dir}`,
  }[input.sort];
  return Prisma.sql`${primary}, ${t}."groupName" ASC, ${t}."characterName" ASC, ${t}."groupId" ASC, ${t}."characterId" ASC`;
}

async function readRows(db: Db, viewer: Viewer, input: Input, page: PageRequest): Promise<PageRead<SkillSetReportRow>> {
  // May the viewer open the sheet: asked for the page's rows only, after the limit.
  const rows = await db.$queryRaw<(Row & { fullCount?: number })[]>`
    SELECT y.*, ${viewableCharactersSql(viewer, CHARACTER, OWNERSHIP)} AS "canView" FROM (
      SELECT x.*${fullCountSql(page)} FROM ${groupedSql(viewer, input)} WHERE ${groupWhere(input)}
      ORDER BY ${orderBy(input)} LIMIT ${page.limit} OFFSET ${page.offset}
    ) y
    JOIN "Character" c ON c.id = y."characterId"
    LEFT JOIN "CharacterOwnership" o ON o."characterId" = c.id
    ORDER BY ${orderBy(input, "y")}`;
  const setIds = [...new Set(rows.flatMap((r) => [...r.requiredMet, ...r.recommendedMet]))];
  const [sets, training] = await Promise.all([
    setIds.length === 0
      ? []
      : db.skillSet.findMany({ where: { id: { in: setIds } }, select: { id: true, name: true, shipTypeId: true } }),
    groupTraining(db, rows),
  ]);
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
      requiredMet: named(r.requiredMet),
      recommendedMet: named(r.recommendedMet),
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
