// Assets with where each item sits (its location path: the station, structure or
// system, then the ships and containers it is inside) and its value at CCP's average
// market price. The path is walked up in SQL for each page's items only, so a page
// costs its rows' depth in index lookups, never the whole tree.
import { Prisma } from "@prisma/client";
import { afterKey, type ExportTopic, keyOrder, readPage } from "../topic";
import { characterKey, columns } from "./common";

const KEY = [characterKey(Prisma.sql`p`), { column: Prisma.sql`p."itemId"`, type: "bigint" as const, field: "itemId" }];
const PAGE_KEY = [
  characterKey(Prisma.sql`a`),
  { column: Prisma.sql`a."itemId"`, type: "bigint" as const, field: "itemId" },
];
/** Deeper than EVE nests (a container in a ship in a carrier's hangar): a cycle in bad data stops here. */
const MAX_DEPTH = 16;

export const assets: ExportTopic = {
  name: "assets",
  title: "Assets",
  description:
    "Every item: type, quantity, custom name, its location path, and its value in ISK at average market prices.",
  columns: columns([
    ["Item ID", "itemId"],
    ["Type", "type"],
    ["Type ID", "typeId"],
    ["Group", "group"],
    ["Name", "name"],
    ["Quantity", "quantity"],
    ["Location path", "path"],
    ["Location", "location"],
    ["Location ID", "locationId"],
    ["Location flag", "locationFlag"],
    ["Parent item ID", "parentItemId"],
    ["Singleton", "isSingleton"],
    ["Blueprint copy", "isBlueprintCopy"],
    ["Value (ISK)", "value"],
  ]),
  async count(ctx) {
    const [row] = await ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "CharacterAsset"`;
    return row?.n ?? 0;
  },
  page(ctx, after, limit) {
    const query = Prisma.sql`
      WITH RECURSIVE page AS (
        SELECT a.* FROM "CharacterAsset" a WHERE ${afterKey(PAGE_KEY, after)} ORDER BY ${keyOrder(PAGE_KEY)} LIMIT ${limit}
      ), up AS (
        SELECT p."characterId", p."itemId" AS start, p."parentItemId" AS parent, p."locationId" AS loc, 0 AS depth,
          ARRAY[]::text[] AS names
        FROM page p
        UNION ALL
        SELECT u."characterId", u.start, a."parentItemId", a."locationId", u.depth + 1,
          ARRAY[COALESCE(a.name, t.name, '#' || a."typeId")] || u.names
        FROM up u
        JOIN "CharacterAsset" a ON a."characterId" = u."characterId" AND a."itemId" = u.parent
        LEFT JOIN "EveType" t ON t.id = a."typeId"
        WHERE u.depth < ${MAX_DEPTH}
      ), roots AS (
        SELECT DISTINCT ON ("characterId", start) "characterId", start, loc, names
        FROM up ORDER BY "characterId", start, depth DESC
      )
      SELECT ch.name AS "character", p."characterId", p."itemId"::text AS "itemId",
        t.name AS "type", p."typeId", g.name AS "group", p.name, p.quantity,
        concat_ws(' > ', VARIADIC ARRAY[COALESCE(l.name, le.name, '#' || r.loc::text)] || r.names) AS path,
        COALESCE(l.name, le.name) AS location, r.loc::text AS "locationId", p."locationFlag",
        p."parentItemId"::text AS "parentItemId", p."isSingleton", p."isBlueprintCopy",
        CASE WHEN p."isBlueprintCopy" THEN NULL ELSE round((mp."averagePrice" * p.quantity)::numeric, 2)::text END AS value
      FROM page p
      JOIN roots r ON r."characterId" = p."characterId" AND r.start = p."itemId"
      JOIN "EveCharacter" ch ON ch.id = p."characterId"
      LEFT JOIN "EveType" t ON t.id = p."typeId"
      LEFT JOIN "EveGroup" g ON g.id = t."groupId"
      LEFT JOIN "Location" l ON l.id = r.loc
      LEFT JOIN "EveEntity" le ON le.id::bigint = r.loc
      LEFT JOIN "EveMarketPrice" mp ON mp."typeId" = p."typeId"
      ORDER BY ${keyOrder(KEY)}`;
    return readPage(ctx.db, query, limit, KEY);
  },
};
