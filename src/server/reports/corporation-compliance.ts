// Corporation compliance (Member Audit's second tab): the users in the viewer's scope
// grouped by their main's corporation: users, characters signed in with, registered,
// compliance % (registered / total, rounded down). Users without a main form one row
// of their own ("no main"), so every user in scope is counted somewhere.
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { eveId32 } from "~/server/paging/inputs";
import {
  type ComplianceLevel,
  compliancePercent,
  corporationComplianceLevel,
  PARTLY_FROM_PERCENT,
  usersInScopeSql,
} from "./compliance";
import { everyRow, fullCountSql, type PageRead, type PageRequest, pageOf, readTotal, reportPageInput } from "./paging";
import { type Organisation, organisation, sqlOrder } from "./sql";

export const corporationComplianceInput = z.object({
  ...reportPageInput,
  sort: z.enum(["corporation", "alliance", "users", "characters", "compliance"]).default("corporation"),
  corporationId: eveId32.optional(),
  allianceId: eveId32.optional(),
  /** true: 100 %; false: below. */
  compliant: z.boolean().optional(),
  level: z.enum(["fully", "partly", "not"]).optional(),
});
export type CorporationComplianceInput = z.input<typeof corporationComplianceInput>;
type Input = z.output<typeof corporationComplianceInput>;

interface Row {
  corporationId: number | null;
  corporationName: string | null;
  allianceId: number | null;
  allianceName: string | null;
  users: number;
  total: number;
  registered: number;
}

export interface CorporationComplianceRow {
  /** null: the users without a main. */
  corporation: Organisation | null;
  alliance: Organisation | null;
  users: number;
  totalCharacters: number;
  registeredCharacters: number;
  compliancePercent: number;
  isCompliant: boolean;
  level: ComplianceLevel;
}

/** One row per corporation (of the mains), as a subquery `g`. */
function groupedSql(viewer: Viewer): Prisma.Sql {
  return Prisma.sql`(
    SELECT r."corporationId", max(r."corporationName") AS "corporationName",
      max(r."allianceId") AS "allianceId", max(r."allianceName") AS "allianceName",
      count(*)::int AS users, sum(r.total)::int AS total, sum(r.registered)::int AS registered
    FROM ${usersInScopeSql(viewer)}
    GROUP BY r."corporationId"
  ) g`;
}

function where(input: Input): Prisma.Sql {
  const all: Prisma.Sql[] = [Prisma.sql`TRUE`];
  const fully = Prisma.sql`(g.total > 0 AND g.registered = g.total)`;
  const partly = Prisma.sql`(NOT ${fully} AND g.total > 0 AND g.registered * 100 >= ${PARTLY_FROM_PERCENT} * g.total)`;
  if (input.corporationId) all.push(Prisma.sql`g."corporationId" = ${input.corporationId}`);
  if (input.allianceId) all.push(Prisma.sql`g."allianceId" = ${input.allianceId}`);
  if (input.compliant !== undefined) all.push(input.compliant ? fully : Prisma.sql`NOT ${fully}`);
  if (input.level === "fully") all.push(fully);
  if (input.level === "partly") all.push(partly);
  if (input.level === "not") all.push(Prisma.sql`NOT ${fully} AND NOT ${partly}`);
  return Prisma.join(all, " AND ");
}

function orderBy(input: Input): Prisma.Sql {
  const dir = sqlOrder(input.order);
  const primary = {
    corporation: Prisma.sql`g."corporationName" ${dir} NULLS LAST`,
    alliance: Prisma.sql`g."allianceName" ${dir} NULLS LAST`,
    users: Prisma.sql`g.users ${dir}`,
    characters: Prisma.sql`g.total ${dir}`,
    compliance: Prisma.sql`(g.registered::float / GREATEST(g.total, 1)) ${dir}`,
  }[input.sort];
  return Prisma.sql`${primary}, g."corporationName" ASC NULLS LAST, g."corporationId" ASC NULLS LAST`;
}

async function readRows(
  db: Db,
  viewer: Viewer,
  input: Input,
  page: PageRequest,
): Promise<PageRead<CorporationComplianceRow>> {
  const rows = await db.$queryRaw<(Row & { fullCount?: number })[]>`
    SELECT g.*${fullCountSql(page)} FROM ${groupedSql(viewer)} WHERE ${where(input)}
    ORDER BY ${orderBy(input)} LIMIT ${page.limit} OFFSET ${page.offset}`;
  return {
    total: readTotal(rows),
    rows: rows.map((r) => ({
      corporation: organisation(r.corporationId, r.corporationName),
      alliance: organisation(r.allianceId, r.allianceName),
      users: r.users,
      totalCharacters: r.total,
      registeredCharacters: r.registered,
      compliancePercent: compliancePercent(r.registered, r.total),
      isCompliant: corporationComplianceLevel(r.registered, r.total) === "fully",
      level: corporationComplianceLevel(r.registered, r.total),
    })),
  };
}

export async function corporationComplianceReport(db: Db, viewer: Viewer, raw: CorporationComplianceInput) {
  const input = corporationComplianceInput.parse(raw);
  return pageOf(input, (page) => readRows(db, viewer, input, page));
}

/** Every row of the view (the CSV download). */
export function corporationComplianceRows(db: Db, viewer: Viewer, raw: CorporationComplianceInput, batch?: number) {
  const input = corporationComplianceInput.parse({ ...raw, cursor: undefined });
  return everyRow((page) => readRows(db, viewer, input, page), batch);
}
