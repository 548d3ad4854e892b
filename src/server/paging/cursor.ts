// Opaque cursors for paged lists (the sheet's keyset lists, the finder): the position
// after the last row shown, as base64url JSON. A cursor that does not decode to the
// expected shape (including the list or query it belongs to) is the caller's input
// error (BAD_INPUT on the field "cursor"), never a 500.
import { z } from "zod";
import { type AppError, invalidInput } from "~/server/errors/app-error";
import { boundedIsoDate, int64String } from "./inputs";

export function invalidCursor(): AppError {
  return invalidInput("cursor", "The cursor is malformed or belongs to another list; start again from the first page.");
}

export const pageInput = {
  // tRPC's infinite queries send `cursor: null` for a first page they refetch (the page param a
  // server-rendered first page is seeded with): null is "from the start", like no cursor.
  cursor: z
    .string()
    .max(300)
    .nullish()
    .transform((v) => v ?? undefined),
  limit: z.number().int().min(1).max(200).default(50),
};

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>): T {
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not base64url JSON
  }
  throw invalidCursor();
}

/** A cursor tuple element holding a date the database can hold (within ±100 years). */
export const isoDate = boundedIsoDate;
/** A cursor tuple element holding a decimal id that fits a BigInt column. */
export const bigintId = int64String;
