// "Who has a Rorqual, and where": the characters in scope holding any of the given
// types, one row per (character, location, type) with the quantity summed, the location
// being the one the assets tab files the item under: that of its top-level item (the
// ship or container it sits in, however deep), named from the shared location table.
// Assets are read by type (one index range per type), kept when their character is in
// scope, and only those hits walk up their parents (primary-key look-ups): the cost
// follows the number of stacks found, not the 2,000,000 rows stored (docs/search.md).
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { eveId32, int64String } from "~/server/paging/inputs";
import { unknownLocationName, unknownTypeName } from "~/server/sheet/assets";
import { inScope, keysetCursor, pageFrom, type SearchPage, scopeJoins, searchPageInput, sheetPath } from "./scope";

/**
 * Parent levels walked: EVE nests a container in a ship's cargo in a ship in a carrier's
 * bay at most, four levels. Fixed joins instead of a recursive CTE: its row estimate
 * (ten rounds assumed) pushed the planned cost past PostgreSQL's JIT threshold, and
 * compiling the query took seconds under load.
 */
const LEVELS = 6;
const level = (i: number) => Prisma.raw(i === 0 ? "h" : `p${i}`);

/** Each parent of the hit `h` by primary key: p1 its parent, p2 the grandparent, ... */
function ancestorJoins(): Prisma.Sql {
  const joins = Array.from({ length: LEVELS }, (_, i) => {
    const [child, parent] = [level(i), level(i + 1)];
    return Prisma.sql`LEFT JOIN "CharacterAsset" ${parent}
      ON ${parent}."characterId" = h."characterId" AND ${parent}."itemId" = ${child}."parentItemId"`;
  });
  return Prisma.join(joins, " ");
}

/** The top-level item's location: the last ancestor found (no parent, or, as in the assets tab, a parent not stored). */
function rootLocation(): Prisma.Sql {
  const cases = Array.from(
    { length: LEVELS },
    (_, i) => Prisma.sql`WHEN ${level(i + 1)}."itemId" IS NULL THEN ${level(i)}."locationId"`,
  );
  return Prisma.sql`CASE ${Prisma.join(cases, " ")} ELSE ${level(LEVELS)}."locationId" END`;
}
/** The prefix unknownLocationName writes, so SQL sorts unnamed places by the name the row shows. */
const UNKNOWN_LOCATION = unknownLocationName(0).replace(/0$/, "");

export const itemSearchInput = z.object({
  typeIds: z.array(eveId32).min(1).max(50),
  ...searchPageInput,
});
export type ItemSearchInput = z.input<typeof itemSearchInput>;

export interface ItemSearchRow {
  character: { id: number; name: string; corporationName: string | null };
  type: { id: number; name: string };
  location: { id: string; name: string; category: string };
  /** Units summed over the stacks found. */
  quantity: number;
  /** Stacks (asset rows) found. */
  items: number;
  /** The sheet's assets tab, which the viewer may open (every searched character is openable: scope.ts). */
  href: string;
}

interface Raw {
  characterId: number;
  characterName: string;
  corporationName: string | null;
  typeId: number;
  typeName: string | null;
  locationId: bigint;
  locationName: string;
  category: string | null;
  quantity: bigint;
  items: number;
  total?: number;
}

export async function searchItems(db: Db, viewer: Viewer, raw: ItemSearchInput): Promise<SearchPage<ItemSearchRow>> {
  const input = itemSearchInput.parse(raw);
  const typeIds = [...new Set(input.typeIds)].sort((a, b) => a - b);
  const cursor = keysetCursor(input, (query) =>
    z.tuple([z.string().max(200), eveId32, z.string().max(300), int64String, eveId32, query]),
  );
  const after = cursor.after
    ? Prisma.sql`WHERE (g."characterName", g."characterId", g."locationName", g."locationId", g."typeId")
        > (${cursor.after[0]}, ${cursor.after[1]}::int, ${cursor.after[2]}, ${BigInt(cursor.after[3])}::bigint, ${cursor.after[4]}::int)`
    : Prisma.empty;
  const total = cursor.after ? Prisma.empty : Prisma.sql`, count(*) OVER ()::int AS total`;
  const rows = await db.$queryRaw<Raw[]>`
    WITH hits AS MATERIALIZED (
      SELECT a."characterId", ec.name AS "characterName", ec."corporationName", a."itemId", a."typeId", a.quantity,
        a."parentItemId", a."locationId"
      FROM "CharacterAsset" a ${scopeJoins(Prisma.sql`a."characterId"`)}
      WHERE a."typeId" IN (${Prisma.join(typeIds)}) AND ${inScope(viewer)}
    ),
    roots AS (
      SELECT h."characterId", h."itemId" AS hit, COALESCE(${rootLocation()}, 0) AS "locationId"
      FROM hits h ${ancestorJoins()}
    ),
    grouped AS (
      SELECT h."characterId", h."characterName", h."corporationName", h."typeId", r."locationId",
        COALESCE(l.name, ${UNKNOWN_LOCATION} || r."locationId"::text) AS "locationName", l.category,
        sum(h.quantity)::bigint AS quantity, count(*)::int AS items
      FROM hits h
      JOIN roots r ON r."characterId" = h."characterId" AND r.hit = h."itemId"
      LEFT JOIN "Location" l ON l.id = r."locationId"
      GROUP BY h."characterId", h."characterName", h."corporationName", h."typeId", r."locationId", l.name, l.category
    )
    SELECT g.*, t.name AS "typeName" ${total}
    FROM grouped g LEFT JOIN "EveType" t ON t.id = g."typeId"
    ${after}
    ORDER BY g."characterName", g."characterId", g."locationName", g."locationId", g."typeId"
    LIMIT ${input.limit + 1}`;
  return pageFrom(
    rows,
    input.limit,
    (r): ItemSearchRow => ({
      character: { id: r.characterId, name: r.characterName, corporationName: r.corporationName },
      type: { id: r.typeId, name: r.typeName ?? unknownTypeName(r.typeId) },
      location: { id: r.locationId.toString(), name: r.locationName, category: r.category ?? "unknown" },
      quantity: Number(r.quantity),
      items: r.items,
      href: sheetPath(r.characterId, "assets"),
    }),
    (r) => [r.characterName, r.characterId, r.locationName, r.locationId.toString(), r.typeId],
    cursor.next,
    cursor.after ? null : (rows[0]?.total ?? 0),
  );
}
