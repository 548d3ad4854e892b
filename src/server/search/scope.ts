// The characters whose data the viewer may search, for every search to join. A
// search shows sheet data (assets, skills, mail headers), so a character is searched
// only when the finder lists it to the viewer AND the viewer may open its sheet: the
// finder's scope (finderCharactersSql), never wider than the sheet's own rule
// (viewableCharactersSql). For viewers holding characters_access the second condition
// removes nothing; without it, it drops the corporation mates the finder lists but whose
// sheets the viewer could not open (docs/search.md, "Who may search").
import { Prisma } from "@prisma/client";
import { z } from "zod";
import { finderCharactersSql, viewableCharactersSql } from "~/server/access/character-access-sql";
import type { Viewer } from "~/server/access/viewer";
import { decodeCursor, encodeCursor } from "~/server/paging/cursor";

const CHARACTER = Prisma.raw("c");
const OWNERSHIP = Prisma.raw("o");

export const SEARCH_MAX_PAGE = 200;

export const searchPageInput = {
  cursor: z.string().max(600).optional(),
  limit: z.number().int().min(1).max(SEARCH_MAX_PAGE).default(50),
};

/**
 * Joins the character `ec` (its registration `c`, its owner `o`) to the rows of a search,
 * on their character id column. Written once here so no search builds its own access rule.
 */
export const scopeJoins = (characterId: Prisma.Sql): Prisma.Sql => Prisma.sql`
  JOIN "EveCharacter" ec ON ec.id = ${characterId}
  JOIN "Character" c ON c.id = ec.id
  LEFT JOIN "CharacterOwnership" o ON o."characterId" = ec.id`;

/**
 * The condition on `ec`/`c`/`o` (scopeJoins): the viewer may search this character. It
 * is checked on the characters a search found rather than listed for every character
 * first: building the whole scope of 10,000 characters cost more than the search
 * (docs/search.md, "Speed"); the users in scope are uncorrelated subqueries, evaluated once.
 */
export function inScope(viewer: Viewer): Prisma.Sql {
  return Prisma.sql`${finderCharactersSql(viewer, CHARACTER, OWNERSHIP)} AND ${viewableCharactersSql(viewer, CHARACTER, OWNERSHIP)}`;
}

/** Escapes LIKE's wildcards so a search for "50%" finds that text. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
export const prefixPattern = (text: string) => `${escapeLike(text)}%`;

export interface SearchPage<Row> {
  rows: Row[];
  /** Matching rows in the whole result; counted on the first page only (null on later pages, and where counting would cost a full scan). */
  total: number | null;
  nextCursor: string | null;
}

/**
 * Keyset cursors carry the last row's sort key and the query they belong to, so a cursor
 * replayed with another query is refused (BAD_INPUT on "cursor") instead of skipping rows.
 * `shape` gets the query's literal to end its tuple with.
 */
export function keysetCursor<T>(
  input: { cursor?: string; limit: number },
  shape: (query: z.ZodLiteral<string>) => z.ZodType<T>,
) {
  const { cursor: _c, limit: _l, ...rest } = input;
  const query = JSON.stringify(rest);
  return {
    after: input.cursor ? decodeCursor(input.cursor, shape(z.literal(query))) : null,
    next: (values: unknown[]) => encodeCursor([...values, query]),
  };
}

/** The page from `limit + 1` rows read: the extra row only says that there is more. */
export function pageFrom<Raw, Row>(
  raw: Raw[],
  limit: number,
  toRow: (r: Raw) => Row,
  keyOf: (r: Raw) => unknown[],
  next: (values: unknown[]) => string,
  total: number | null,
): SearchPage<Row> {
  const shown = raw.slice(0, limit);
  const last = shown.at(-1);
  return {
    rows: shown.map(toRow),
    total,
    nextCursor: raw.length > limit && last ? next(keyOf(last)) : null,
  };
}

export const sheetPath = (characterId: number, tab: string, query = "") => `/characters/${characterId}/${tab}${query}`;
