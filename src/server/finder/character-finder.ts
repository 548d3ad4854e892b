// The character finder: every EVE character the viewer may list (registered or not,
// as Member Audit's finder), filtered, sorted and paged on the server. Paging uses
// opaque cursors; the access rule is one composable filter (finderCharactersWhere).
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { accessibleUsersWhere, holdsPermission, viewableCharactersWhere } from "~/server/access/character-access";
import { can, type Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { decodeCursor, encodeCursor } from "~/server/paging/cursor";

export const FINDER_MAX_PAGE = 200;

export const finderInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(FINDER_MAX_PAGE).default(50),
  sort: z.enum(["name", "corporation", "alliance", "main"]).default("name"),
  // Not "direction": tRPC's infinite queries put their own paging direction under that name.
  order: z.enum(["asc", "desc"]).default("asc"),
  search: z.string().trim().max(100).optional(),
  corporationId: z.number().int().positive().optional(),
  allianceId: z.number().int().positive().optional(),
  status: z.enum(["registered", "unregistered", "shared", "orphan"]).optional(),
});
export type FinderInput = z.input<typeof finderInput>;

/** EVE characters the viewer may list: those of users in scope, all registered ones for view_everything, and shared ones. */
export function finderCharactersWhere(viewer: Viewer): Prisma.EveCharacterWhereInput {
  if (!can(viewer, "basic_access") || !can(viewer, "finder_access")) return { id: { in: [] } };
  const any: Prisma.EveCharacterWhereInput[] = [{ ownership: { user: accessibleUsersWhere(viewer) } }];
  if (can(viewer, "view_everything")) any.push({ character: { isNot: null } });
  else if (can(viewer, "view_shared_characters")) {
    any.push({ character: { isShared: true }, ownership: { user: holdsPermission(viewer.permissionGroups, "share_characters") } });
  }
  return { OR: any };
}

function filters(input: z.output<typeof finderInput>): Prisma.EveCharacterWhereInput[] {
  const where: Prisma.EveCharacterWhereInput[] = [];
  if (input.search) {
    const contains = { contains: input.search, mode: "insensitive" as const };
    where.push({ OR: [{ name: contains }, { ownership: { user: { mainCharacter: { name: contains } } } }] });
  }
  if (input.corporationId) where.push({ corporationId: input.corporationId });
  if (input.allianceId) where.push({ allianceId: input.allianceId });
  if (input.status === "registered") where.push({ character: { isNot: null } });
  if (input.status === "unregistered") where.push({ character: { is: null } });
  if (input.status === "shared") where.push({ character: { isShared: true } });
  if (input.status === "orphan") where.push({ character: { isNot: null }, ownership: { is: null } });
  return where;
}

function orderBy(input: z.output<typeof finderInput>): Prisma.EveCharacterOrderByWithRelationInput[] {
  const dir = input.order;
  const nulls = { sort: dir, nulls: "last" as const };
  const primary: Record<typeof input.sort, Prisma.EveCharacterOrderByWithRelationInput> = {
    name: { name: dir },
    corporation: { corporationName: nulls },
    alliance: { allianceName: nulls },
    main: { ownership: { user: { mainCharacter: { name: dir } } } },
  };
  return [primary[input.sort], { name: "asc" }, { id: "asc" }];
}

// Cursors carry the offset, the total counted for the first page (counting is the
// costliest query, and "load more" needs no fresh count) and the query they belong
// to, so a cursor reused with other filters is refused instead of skipping rows.
function queryKey(input: z.output<typeof finderInput>): string {
  const { cursor: _c, limit: _l, ...rest } = input;
  return JSON.stringify(rest);
}
const offsetCursor = (key: string) => z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.literal(key)]);

export async function findCharacters(db: Db, viewer: Viewer, raw: FinderInput) {
  const input = finderInput.parse(raw);
  const key = queryKey(input);
  const page = input.cursor ? decodeCursor(input.cursor, offsetCursor(key)) : null;
  const offset = page?.[0] ?? 0;
  const where: Prisma.EveCharacterWhereInput = { AND: [finderCharactersWhere(viewer), ...filters(input)] };
  const [total, rows] = await Promise.all([
    page ? page[1] : db.eveCharacter.count({ where }),
    db.eveCharacter.findMany({
      where,
      orderBy: orderBy(input),
      skip: offset,
      take: input.limit,
      select: {
        id: true,
        name: true,
        corporationId: true,
        corporationName: true,
        allianceId: true,
        allianceName: true,
        character: { select: { isShared: true, isEnabled: true } },
        ownership: { select: { user: { select: { mainCharacter: { select: { id: true, name: true, corporationName: true, allianceName: true } } } } } },
      },
    }),
  ]);
  const viewable = new Set(
    (await db.character.findMany({ where: { AND: [{ id: { in: rows.map((r) => r.id) } }, viewableCharactersWhere(viewer)] }, select: { id: true } })).map(
      (c) => c.id,
    ),
  );
  const next = offset + rows.length;
  return {
    total,
    nextCursor: next < total && rows.length === input.limit ? encodeCursor([next, total, key]) : null,
    rows: rows.map((r) => {
      const main = r.ownership?.user.mainCharacter ?? null;
      return {
        id: r.id,
        name: r.name,
        corporation: r.corporationId === null ? null : { id: r.corporationId, name: r.corporationName },
        alliance: r.allianceId === null ? null : { id: r.allianceId, name: r.allianceName },
        isRegistered: r.character !== null,
        isShared: r.character?.isShared ?? false,
        isOrphan: r.character !== null && r.ownership === null,
        isMain: main?.id === r.id,
        main,
        canView: viewable.has(r.id),
      };
    }),
  };
}

/** Corporations and alliances present in the viewer's finder, for the filter menus. */
export async function finderFilterOptions(db: Db, viewer: Viewer) {
  const where = finderCharactersWhere(viewer);
  const [corporations, alliances] = await Promise.all([
    db.eveCharacter.findMany({ where: { AND: [where, { corporationId: { not: null } }] }, distinct: ["corporationId"], select: { corporationId: true, corporationName: true } }),
    db.eveCharacter.findMany({ where: { AND: [where, { allianceId: { not: null } }] }, distinct: ["allianceId"], select: { allianceId: true, allianceName: true } }),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    corporations: corporations.map((c) => ({ id: c.corporationId!, name: c.corporationName ?? `#${c.corporationId}` })).sort(byName),
    alliances: alliances.map((a) => ({ id: a.allianceId!, name: a.allianceName ?? `#${a.allianceId}` })).sort(byName),
  };
}
