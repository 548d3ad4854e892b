// The character finder: every EVE character the viewer may list (registered or not,
// as Member Audit's finder), filtered, sorted and paged on the server. Paging uses
// opaque cursors. The query is SQL (see character-access-sql.ts for why); the access
// rule is one composable condition (finderCharactersSql).
import { Prisma } from "@prisma/client";
import { z } from "zod";
import { finderCharactersSql, viewableCharactersSql } from "~/server/access/character-access-sql";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { decodeCursor, encodeCursor } from "~/server/paging/cursor";
import { eveId32, int32, safeText } from "~/server/paging/inputs";

export const FINDER_MAX_PAGE = 200;

export const finderInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(FINDER_MAX_PAGE).default(50),
  sort: z.enum(["name", "corporation", "alliance", "main"]).default("name"),
  // Not "direction": tRPC's infinite queries put their own paging direction under that name.
  order: z.enum(["asc", "desc"]).default("asc"),
  search: safeText(100).optional(),
  corporationId: eveId32.optional(),
  allianceId: eveId32.optional(),
  status: z.enum(["registered", "unregistered", "shared", "orphan"]).optional(),
});
export type FinderInput = z.input<typeof finderInput>;

const CHARACTER = Prisma.raw("c");
const OWNERSHIP = Prisma.raw("o");

/** Escapes LIKE's wildcards so a search for "50%" finds that text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function filters(input: z.output<typeof finderInput>): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (input.search) {
    const pattern = likePattern(input.search);
    where.push(Prisma.sql`(ec.name ILIKE ${pattern} OR m.name ILIKE ${pattern})`);
  }
  if (input.corporationId) where.push(Prisma.sql`ec."corporationId" = ${input.corporationId}`);
  if (input.allianceId) where.push(Prisma.sql`ec."allianceId" = ${input.allianceId}`);
  if (input.status === "registered") where.push(Prisma.sql`c.id IS NOT NULL`);
  if (input.status === "unregistered") where.push(Prisma.sql`c.id IS NULL`);
  if (input.status === "shared") where.push(Prisma.sql`c."isShared"`);
  if (input.status === "orphan") where.push(Prisma.sql`c.id IS NOT NULL AND o."characterId" IS NULL`);
  return where;
}

function orderBy(input: z.output<typeof finderInput>): Prisma.Sql {
  const dir = Prisma.raw(input.order === "asc" ? "ASC" : "DESC");
  const primary: Record<typeof input.sort, Prisma.Sql> = {
    name: Prisma.sql`ec.name ${dir}`,
    corporation: Prisma.sql`ec."corporationName" ${dir} NULLS LAST`,
    alliance: Prisma.sql`ec."allianceName" ${dir} NULLS LAST`,
    main: Prisma.sql`m.name ${dir}`,
  };
  return Prisma.sql`${primary[input.sort]}, ec.name ASC, ec.id ASC`;
}

/** Every EVE character the viewer may list, with its registration and owner joined for the rules and the columns. */
function finderFrom(viewer: Viewer, extra: Prisma.Sql[]): Prisma.Sql {
  const where = [finderCharactersSql(viewer, CHARACTER, OWNERSHIP), ...extra];
  return Prisma.sql`FROM "EveCharacter" ec
    LEFT JOIN "Character" c ON c.id = ec.id
    LEFT JOIN "CharacterOwnership" o ON o."characterId" = ec.id
    LEFT JOIN "User" u ON u.id = o."userId"
    LEFT JOIN "EveCharacter" m ON m.id = u."mainCharacterId"
    WHERE ${Prisma.join(where, " AND ")}`;
}

interface FinderRow {
  id: number;
  name: string;
  corporationId: number | null;
  corporationName: string | null;
  allianceId: number | null;
  allianceName: string | null;
  isRegistered: boolean;
  isShared: boolean | null;
  isOwned: boolean;
  mainId: number | null;
  mainName: string | null;
  mainCorporationName: string | null;
  mainAllianceName: string | null;
  canView: boolean;
}

// Cursors carry the offset, the total counted for the first page (counting is the
// costliest query, and "load more" needs no fresh count) and the query they belong
// to, so a cursor reused with other filters is refused instead of skipping rows.
function queryKey(input: z.output<typeof finderInput>): string {
  const { cursor: _c, limit: _l, ...rest } = input;
  return JSON.stringify(rest);
}
const offsetCursor = (key: string) => z.tuple([int32, int32, z.literal(key)]);

export async function findCharacters(db: Db, viewer: Viewer, raw: FinderInput) {
  const input = finderInput.parse(raw);
  const key = queryKey(input);
  const page = input.cursor ? decodeCursor(input.cursor, offsetCursor(key)) : null;
  const offset = page?.[0] ?? 0;
  const from = finderFrom(viewer, filters(input));
  // Counted apart from the page: the count needs no sort and no owner columns (PostgreSQL
  // drops the unused joins), and the page can stop at its last row. "Load more" reuses the first page's total.
  const [rows, counted] = await Promise.all([
    db.$queryRaw<FinderRow[]>`
    SELECT ec.id, ec.name, ec."corporationId", ec."corporationName", ec."allianceId", ec."allianceName",
      c.id IS NOT NULL AS "isRegistered", c."isShared", o."characterId" IS NOT NULL AS "isOwned",
      m.id AS "mainId", m.name AS "mainName", m."corporationName" AS "mainCorporationName", m."allianceName" AS "mainAllianceName",
      ${viewableCharactersSql(viewer, CHARACTER, OWNERSHIP)} AS "canView"
    ${from}
    ORDER BY ${orderBy(input)}
    LIMIT ${input.limit} OFFSET ${offset}`,
    page ? page[1] : db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${from}`.then(([row]) => Number(row!.n)),
  ]);
  const next = offset + rows.length;
  return {
    total: counted,
    nextCursor: next < counted && rows.length === input.limit ? encodeCursor([next, counted, key]) : null,
    rows: rows.map((r) => {
      const main =
        r.mainId === null
          ? null
          : {
              id: r.mainId,
              name: r.mainName!,
              corporationName: r.mainCorporationName,
              allianceName: r.mainAllianceName,
            };
      return {
        id: r.id,
        name: r.name,
        corporation: r.corporationId === null ? null : { id: r.corporationId, name: r.corporationName },
        alliance: r.allianceId === null ? null : { id: r.allianceId, name: r.allianceName },
        isRegistered: r.isRegistered,
        isShared: r.isShared ?? false,
        isOrphan: r.isRegistered && !r.isOwned,
        isMain: main?.id === r.id,
        main,
        canView: r.canView,
      };
    }),
  };
}

/** Corporations and alliances present in the viewer's finder, for the filter menus. */
export async function finderFilterOptions(db: Db, viewer: Viewer) {
  const from = finderFrom(viewer, []);
  const [corporations, alliances] = await Promise.all([
    db.$queryRaw<
      { id: number; name: string | null }[]
    >`SELECT DISTINCT ec."corporationId" AS id, ec."corporationName" AS name ${from} AND ec."corporationId" IS NOT NULL`,
    db.$queryRaw<
      { id: number; name: string | null }[]
    >`SELECT DISTINCT ec."allianceId" AS id, ec."allianceName" AS name ${from} AND ec."allianceId" IS NOT NULL`,
  ]);
  const named = (rows: { id: number; name: string | null }[]) =>
    [...new Map(rows.map((r) => [r.id, { id: r.id, name: r.name ?? `#${r.id}` }])).values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  return { corporations: named(corporations), alliances: named(alliances) };
}
