// The reports page like the finder: an opaque cursor carrying the offset, the total
// counted for the first page and the query it belongs to, so a cursor reused with other
// filters or another sort is refused (BAD_INPUT on "cursor") instead of skipping rows.
// Offsets suit these lists: a report is read top down a few pages at a time, and every
// sort ends on a unique column, so a page boundary never splits ties differently.
import { Prisma } from "@prisma/client";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "~/server/paging/cursor";
import { int32 } from "~/server/paging/inputs";

export const REPORT_MAX_PAGE = 200;

export const reportPageInput = {
  cursor: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(REPORT_MAX_PAGE).default(50),
  // Not "direction": tRPC's infinite queries put their own paging direction under that name.
  order: z.enum(["asc", "desc"]).default("asc"),
};

export interface PageRequest {
  offset: number;
  limit: number;
  /** Count every row of the view in the same query (the first page): one pass over the data instead of two. */
  withTotal?: boolean;
}

export interface PageRead<Row> {
  rows: Row[];
  /** With withTotal: the view's row count (null when the page came back empty). */
  total: number | null;
}

/** The window count a page query selects with withTotal, as `"fullCount"`. */
export const fullCountSql = (page: PageRequest) =>
  page.withTotal ? Prisma.sql`, count(*) OVER ()::int AS "fullCount"` : Prisma.empty;

export const readTotal = (rows: { fullCount?: number }[]) => rows[0]?.fullCount ?? null;

export interface Page<Row> {
  rows: Row[];
  total: number;
  nextCursor: string | null;
}

function queryKey(input: { cursor?: string; limit: number }): string {
  const { cursor: _c, limit: _l, ...rest } = input;
  return JSON.stringify(rest);
}

/**
 * One page of a report: the first page counts the view in the same query (later pages
 * reuse the total the cursor carries).
 */
export async function pageOf<Row, Input extends { cursor?: string; limit: number }>(
  input: Input,
  read: (page: PageRequest) => Promise<PageRead<Row>>,
): Promise<Page<Row>> {
  const key = queryKey(input);
  const cursor = input.cursor ? decodeCursor(input.cursor, z.tuple([int32, int32, z.literal(key)])) : null;
  const offset = cursor?.[0] ?? 0;
  const page = await read({ offset, limit: input.limit, withTotal: !cursor });
  const found = page.rows;
  const total = cursor ? cursor[1] : (page.total ?? 0);
  const next = offset + found.length;
  return {
    rows: found,
    total,
    nextCursor: next < total && found.length === input.limit ? encodeCursor([next, total, key]) : null,
  };
}

/** Every row of the view, read `batch` rows at a time (the CSV download). */
export async function* everyRow<Row>(
  read: (page: PageRequest) => Promise<PageRead<Row>>,
  batch = 1000,
): AsyncGenerator<Row> {
  for (let offset = 0; ; offset += batch) {
    const found = (await read({ offset, limit: batch })).rows;
    yield* found;
    if (found.length < batch) return;
  }
}
