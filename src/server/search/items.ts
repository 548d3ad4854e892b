// "Who has a Rorqual, and where": the characters in scope holding any of the given
// types, one row per (character, location, type) with the quantity summed, the location
// being the one the assets tab files the item under: that of its top-level item (the
// ship or container it sits in, however deep), stored on every row as rootLocationId
// (kept by database triggers: migration 20261208225200_search_root_location_mail_order)
// and named from the shared location table. Assets are read by type (one index range per
// type) and summed per (character, type, root location) first; only those groups are
// checked against the scope: the cost follows the stacks of the types, not the 2,000,000
// rows stored nor the thousands of characters in scope (docs/search.md, "Items").
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { eveId32, int64String } from "~/server/paging/inputs";
import { unknownLocationName, unknownTypeName } from "~/server/sheet/assets";
import { inScope, keysetCursor, pageFrom, type SearchPage, scopeJoins, searchPageInput, sheetPath } from "./scope";

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
  // The stacks are summed before the scope is checked (MATERIALIZED): checked first, the
  // scope of a leader (thousands of characters, estimated at a few hundred) led the planner
  // to probe the type index once per character in scope.
  const rows = await db.$queryRaw<Raw[]>`
    WITH stacks AS MATERIALIZED (
      SELECT a."characterId", a."typeId", COALESCE(a."rootLocationId", 0) AS "locationId",
        sum(a.quantity)::bigint AS quantity, count(*)::int AS items
      FROM "CharacterAsset" a
      WHERE a."typeId" IN (${Prisma.join(typeIds)})
      GROUP BY a."characterId", a."typeId", COALESCE(a."rootLocationId", 0)
    ),
    grouped AS (
      SELECT s."characterId", ec.name AS "characterName", ec."corporationName", s."typeId", s."locationId",
        COALESCE(l.name, ${UNKNOWN_LOCATION} || s."locationId"::text) AS "locationName", l.category,
        s.quantity, s.items
      FROM stacks s ${scopeJoins(Prisma.sql`s."characterId"`)}
      LEFT JOIN "Location" l ON l.id = s."locationId"
      WHERE ${inScope(viewer)}
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
