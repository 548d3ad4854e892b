// The administrators' character list: every registered character with its owner, its
// organisation, its total update status (./total-status.ts), its token and what the
// token lacks, filtered, sorted and paged on the server (the finder's offset cursors).
// Tagged SQL only: every value is a parameter.
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { decodeCursor, encodeCursor } from "~/server/paging/cursor";
import { eveId32, int32, safeText } from "~/server/paging/inputs";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import type { EngineSettings } from "~/server/updates/engine-settings";
import { sectionAggregateSql, TOTAL_STATUSES, type TotalStatus, totalStatusSql } from "./total-status";

export const ADMIN_LIST_MAX_PAGE = 200;

export const adminCharactersInput = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(ADMIN_LIST_MAX_PAGE).default(50),
  sort: z.enum(["name", "owner", "corporation", "alliance", "status", "lastSuccess"]).default("name"),
  // Not "direction": tRPC's infinite queries use that name for their own paging.
  order: z.enum(["asc", "desc"]).default("asc"),
  search: safeText(100).optional(),
  status: z.enum(TOTAL_STATUSES).optional(),
  corporationId: eveId32.optional(),
  allianceId: eveId32.optional(),
  enabled: z.boolean().optional(),
  orphan: z.boolean().optional(),
});
export type AdminCharactersInput = z.input<typeof adminCharactersInput>;
type Input = z.output<typeof adminCharactersInput>;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function filters(input: Input): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (input.search) {
    const pattern = likePattern(input.search);
    where.push(Prisma.sql`(x.name ILIKE ${pattern} OR x."mainName" ILIKE ${pattern})`);
  }
  if (input.status) where.push(Prisma.sql`x.status = ${input.status}`);
  if (input.corporationId) where.push(Prisma.sql`x."corporationId" = ${input.corporationId}`);
  if (input.allianceId) where.push(Prisma.sql`x."allianceId" = ${input.allianceId}`);
  if (input.enabled !== undefined) where.push(Prisma.sql`x."isEnabled" = ${input.enabled}`);
  if (input.orphan !== undefined) where.push(Prisma.sql`(x."ownerUserId" IS NULL) = ${input.orphan}`);
  return where;
}

// Status sorts in the list's order of urgency (TOTAL_STATUSES), not alphabetically.
const statusRank = Prisma.sql`array_position(${[...TOTAL_STATUSES]}::text[], x.status)`;

function orderBy(input: Input): Prisma.Sql {
  const dir = Prisma.raw(input.order === "asc" ? "ASC" : "DESC");
  const primary: Record<Input["sort"], Prisma.Sql> = {
    name: Prisma.sql`x.name ${dir}`,
    owner: Prisma.sql`x."mainName" ${dir} NULLS LAST`,
    corporation: Prisma.sql`x."corporationName" ${dir} NULLS LAST`,
    alliance: Prisma.sql`x."allianceName" ${dir} NULLS LAST`,
    status: Prisma.sql`${statusRank} ${dir}`,
    lastSuccess: Prisma.sql`x."lastSuccessAt" ${dir} NULLS LAST`,
  };
  return Prisma.sql`${primary[input.sort]}, x.name ASC, x.id ASC`;
}

/** One row per registered character, with its status columns; filtered and sorted as `x`. */
function charactersSql(settings: EngineSettings): Prisma.Sql {
  return Prisma.sql`SELECT c.id, ec.name, c."isEnabled", c."tokenErrorNotifiedAt", c."createdAt",
      ec."corporationId", ec."corporationName", ec."allianceId", ec."allianceName",
      o."userId" AS "ownerUserId", m.id AS "mainId", m.name AS "mainName",
      t.status::text AS "tokenStatus", t."invalidReason", t.scopes AS "tokenScopes",
      agg.failing, agg."lastSuccessAt", ${totalStatusSql} AS status
    FROM "Character" c
    JOIN "EveCharacter" ec ON ec.id = c.id
    LEFT JOIN "CharacterOwnership" o ON o."characterId" = c.id
    LEFT JOIN "User" u ON u.id = o."userId"
    LEFT JOIN "EveCharacter" m ON m.id = u."mainCharacterId"
    LEFT JOIN "EsiToken" t ON t."characterId" = c.id
    CROSS JOIN ${sectionAggregateSql(settings)}`;
}

interface Row {
  id: number;
  name: string;
  isEnabled: boolean;
  tokenErrorNotifiedAt: Date | null;
  createdAt: Date;
  corporationId: number | null;
  corporationName: string | null;
  allianceId: number | null;
  allianceName: string | null;
  ownerUserId: string | null;
  mainId: number | null;
  mainName: string | null;
  tokenStatus: "VALID" | "INVALID" | null;
  invalidReason: string | null;
  tokenScopes: string[] | null;
  failing: string[];
  lastSuccessAt: Date | null;
  status: TotalStatus;
}

export type TokenState =
  | { state: "missing" }
  | { state: "invalid"; reason: string | null }
  | { state: "valid"; missingScopes: string[] };

function tokenState(row: Row): TokenState {
  if (row.tokenStatus === null) return { state: "missing" };
  if (row.tokenStatus !== "VALID") return { state: "invalid", reason: row.invalidReason };
  // What registration asks for and this grant lacks: a re-registration would add it.
  const granted = new Set(row.tokenScopes ?? []);
  return { state: "valid", missingScopes: CHARACTER_SCOPES.filter((s) => !granted.has(s)) };
}

// The cursor carries the offset, the first page's total and the query it belongs to,
// so one reused with other filters is refused instead of skipping rows (as the finder's).
function queryKey(input: Input): string {
  const { cursor: _c, limit: _l, ...rest } = input;
  return JSON.stringify(rest);
}
const offsetCursor = (key: string) => z.tuple([int32, int32, z.literal(key)]);

export async function listAdminCharacters(db: Db, settings: EngineSettings, raw: AdminCharactersInput) {
  const input = adminCharactersInput.parse(raw);
  const key = queryKey(input);
  const page = input.cursor ? decodeCursor(input.cursor, offsetCursor(key)) : null;
  const offset = page?.[0] ?? 0;
  const from = Prisma.sql`FROM (${charactersSql(settings)}) x WHERE ${Prisma.join(filters(input), " AND ")}`;
  // The status of every character is computed to filter and sort on it: the first page counts in the same
  // pass (a window over the filtered rows) instead of a second query; later pages reuse that total.
  const rows = await db.$queryRaw<(Row & { total: number })[]>`
    SELECT x.*, count(*) OVER ()::int AS total ${from} ORDER BY ${orderBy(input)} LIMIT ${input.limit} OFFSET ${offset}`;
  const total = page ? page[1] : (rows[0]?.total ?? 0);
  const next = offset + rows.length;
  return {
    total,
    nextCursor: next < total && rows.length === input.limit ? encodeCursor([next, total, key]) : null,
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      isEnabled: r.isEnabled,
      isOrphan: r.ownerUserId === null,
      isMain: r.mainId === r.id,
      main: r.mainId === null ? null : { id: r.mainId, name: r.mainName! },
      corporation: r.corporationId === null ? null : { id: r.corporationId, name: r.corporationName },
      alliance: r.allianceId === null ? null : { id: r.allianceId, name: r.allianceName },
      status: r.status,
      token: tokenState(r),
      tokenErrorNotifiedAt: r.tokenErrorNotifiedAt,
      lastSuccessAt: r.lastSuccessAt,
      failingSections: r.failing,
      registeredAt: r.createdAt,
    })),
  };
}

/** Corporations and alliances of registered characters, for the filter menus. */
export async function adminCharacterFilterOptions(db: Db) {
  const [corporations, alliances] = await Promise.all([
    db.$queryRaw<{ id: number; name: string | null }[]>`
      SELECT DISTINCT ec."corporationId" AS id, ec."corporationName" AS name
      FROM "Character" c JOIN "EveCharacter" ec ON ec.id = c.id WHERE ec."corporationId" IS NOT NULL`,
    db.$queryRaw<{ id: number; name: string | null }[]>`
      SELECT DISTINCT ec."allianceId" AS id, ec."allianceName" AS name
      FROM "Character" c JOIN "EveCharacter" ec ON ec.id = c.id WHERE ec."allianceId" IS NOT NULL`,
  ]);
  const named = (list: { id: number; name: string | null }[]) =>
    [...new Map(list.map((r) => [r.id, { id: r.id, name: r.name ?? `#${r.id}` }])).values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  return { corporations: named(corporations), alliances: named(alliances), statuses: TOTAL_STATUSES };
}
