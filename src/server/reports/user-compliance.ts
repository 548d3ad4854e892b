// User compliance (Member Audit's first report tab): per user in the viewer's scope, the
// main, its organisation, registered? and compliant? (./compliance.ts), characters
// signed in with and registered. Sorted, filtered and paged in SQL.
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { eveId32, safeText } from "~/server/paging/inputs";
import { type ComplianceLevel, userComplianceLevel, usersInScopeSql } from "./compliance";
import { likePattern, type Organisation, organisation, sqlOrder } from "./sql";
import { everyRow, fullCountSql, type PageRead, type PageRequest, pageOf, readTotal, reportPageInput } from "./paging";

export const userComplianceInput = z.object({
  ...reportPageInput,
  sort: z.enum(["main", "corporation", "alliance", "characters", "compliance"]).default("main"),
  search: safeText(100).optional(),
  corporationId: eveId32.optional(),
  allianceId: eveId32.optional(),
  compliant: z.boolean().optional(),
  registered: z.boolean().optional(),
});
export type UserComplianceInput = z.input<typeof userComplianceInput>;
type Input = z.output<typeof userComplianceInput>;

interface Row {
  userId: string;
  mainId: number | null;
  mainName: string | null;
  corporationId: number | null;
  corporationName: string | null;
  allianceId: number | null;
  allianceName: string | null;
  total: number;
  registered: number;
  isRegistered: boolean;
  isCompliant: boolean;
  canView: boolean;
}

export interface UserComplianceRow {
  userId: string;
  main: { id: number; name: string } | null;
  corporation: Organisation | null;
  alliance: Organisation | null;
  totalCharacters: number;
  registeredCharacters: number;
  isRegistered: boolean;
  isCompliant: boolean;
  level: ComplianceLevel;
  /** The viewer may open the main's sheet (the link). */
  canView: boolean;
}

function where(input: Input): Prisma.Sql {
  const all: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.search) all.push(Prisma.sql`r."mainName" ILIKE ${likePattern(input.search)}`);
  if (input.corporationId) all.push(Prisma.sql`r."corporationId" = ${input.corporationId}`);
  if (input.allianceId) all.push(Prisma.sql`r."allianceId" = ${input.allianceId}`);
  if (input.compliant !== undefined) all.push(Prisma.sql`r."isCompliant" = ${input.compliant}`);
  if (input.registered !== undefined) all.push(Prisma.sql`r."isRegistered" = ${input.registered}`);
  return Prisma.join(all, " AND ");
}

function orderBy(input: Input): Prisma.Sql {
  const dir = sqlOrder(input.order);
  const level = Prisma.sql`(CASE WHEN r."isCompliant" THEN 2 WHEN r."isRegistered" THEN 1 ELSE 0 END)`;
  const primary = {
    main: Prisma.sql`r."mainName" ${dir} NULLS LAST`,
    corporation: Prisma.sql`r."corporationName" ${dir} NULLS LAST`,
    alliance: Prisma.sql`r."allianceName" ${dir} NULLS LAST`,
    characters: Prisma.sql`r.total ${dir}`,
    compliance: Prisma.sql`${level} ${dir}, (r.registered::float / GREATEST(r.total, 1)) ${dir}`,
  }[input.sort];
  return Prisma.sql`${primary}, r."mainName" ASC NULLS LAST, r."userId" ASC`;
}

async function readRows(db: Db, viewer: Viewer, input: Input, page: PageRequest): Promise<PageRead<UserComplianceRow>> {
  const rows = await db.$queryRaw<(Row & { fullCount?: number })[]>`
    SELECT r.*${fullCountSql(page)} FROM ${usersInScopeSql(viewer)} WHERE ${where(input)}
    ORDER BY ${orderBy(input)} LIMIT ${page.limit} OFFSET ${page.offset}`;
  return {
    total: readTotal(rows),
    rows: rows.map((r) => ({
      userId: r.userId,
      main: r.mainId === null ? null : { id: r.mainId, name: r.mainName! },
      corporation: organisation(r.corporationId, r.corporationName),
      alliance: organisation(r.allianceId, r.allianceName),
      totalCharacters: r.total,
      registeredCharacters: r.registered,
      isRegistered: r.isRegistered,
      isCompliant: r.isCompliant,
      level: userComplianceLevel(r.isCompliant, r.registered),
      canView: r.canView,
    })),
  };
}

export async function userComplianceReport(db: Db, viewer: Viewer, raw: UserComplianceInput) {
  const input = userComplianceInput.parse(raw);
  return pageOf(input, (page) => readRows(db, viewer, input, page));
}

/** Every row of the view (the CSV download). */
export function userComplianceRows(db: Db, viewer: Viewer, raw: UserComplianceInput, batch?: number) {
  const input = userComplianceInput.parse({ ...raw, cursor: undefined });
  return everyRow((page) => readRows(db, viewer, input, page), batch);
}
