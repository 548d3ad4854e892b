// The reports page like the finder: an opaque cursor carrying the offset, the total
// counted for the first page and the query it belongs to, so a cursor reused with other
// filters or another sort is refused (BAD_INPUT on "cursor") instead of skipping rows.
// Offsets suit these lists: a report is read top down a few pages at a time, and every
// sort ends on a unique column, so a page boundary never splits ties differently.
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
}

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
 * One page of a report: `count` runs only for the first page (later pages reuse the
 * total the cursor carries), `rows` reads the page.
 */
export async function pageOf<Row, Input extends { cursor?: string; limit: number }>(
  input: Input,
  rows: (page: PageRequest) => Promise<Row[]>,
  count: () => Promise<number>,
): Promise<Page<Row>> {
  const key = queryKey(input);
  const cursor = input.cursor ? decodeCursor(input.cursor, z.tuple([int32, int32, z.literal(key)])) : null;
  const offset = cursor?.[0] ?? 0;
  const [found, total] = await Promise.all([rows({ offset, limit: input.limit }), cursor ? cursor[1] : count()]);
  const next = offset + found.length;
  return {
    rows: found,
    total,
    nextCursor: next < total && found.length === input.limit ? encodeCursor([next, total, key]) : null,
  };
}

/** Every row of the view, read `batch` rows at a time (the CSV download). */
export async function* everyRow<Row>(rows: (page: PageRequest) => Promise<Row[]>, batch = 1000): AsyncGenerator<Row> {
  for (let offset = 0; ; offset += batch) {
    const found = await rows({ offset, limit: batch });
    yield* found;
    if (found.length < batch) return;
  }
}
