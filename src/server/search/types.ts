// The type look-up in front of the item and skill searches: EVE types by name, names
// starting with the text first, then names containing it. The eve types table holds a
// few tens of thousands of rows, so a scan costs a few milliseconds and needs no
// trigram index (which the embedded PGlite would have to load as an extension).
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { safeText } from "~/server/paging/inputs";
import { containsPattern, prefixPattern } from "./scope";

/** EVE's category of skills. */
export const SKILL_CATEGORY_ID = 16;

export const typeLookupInput = z.object({
  query: safeText(100).min(2),
  kind: z.enum(["item", "skill"]).default("item"),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TypeLookupInput = z.input<typeof typeLookupInput>;

export interface FoundType {
  id: number;
  name: string;
  groupName: string;
}

export async function lookupTypes(db: Db, raw: TypeLookupInput): Promise<FoundType[]> {
  const input = typeLookupInput.parse(raw);
  // Items: unpublished types too (characters may still hold them); skills: the ones a character can train.
  const kind =
    input.kind === "skill" ? Prisma.sql`AND g."categoryId" = ${SKILL_CATEGORY_ID} AND t.published` : Prisma.empty;
  return db.$queryRaw<FoundType[]>`
    SELECT t.id, t.name, g.name AS "groupName"
    FROM "EveType" t JOIN "EveGroup" g ON g.id = t."groupId"
    WHERE t.name ILIKE ${containsPattern(input.query)} ${kind}
    ORDER BY t.name ILIKE ${prefixPattern(input.query)} DESC, length(t.name), t.name, t.id
    LIMIT ${input.limit}`;
}
