// Opaque cursors for paged lists (the sheet's keyset lists, the finder): the position
// after the last row shown, as base64url JSON. A cursor that does not decode to the
// expected shape (including the list or query it belongs to) is refused with
// InvalidCursorError, which routers turn into BAD_REQUEST (never a 500).
import { TRPCError } from "@trpc/server";
import { z } from "zod";

export class InvalidCursorError extends Error {
  constructor() {
    super("The cursor is malformed or belongs to another list; start again from the first page.");
    this.name = "InvalidCursorError";
  }
}

export const pageInput = {
  cursor: z.string().max(300).optional(),
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
  throw new InvalidCursorError();
}

/** A cursor tuple element holding a valid date. */
export const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)));
/** A cursor tuple element holding a decimal id (BigInt). */
export const bigintId = z.string().regex(/^\d{1,20}$/);

/** Runs a paged read, answering a bad cursor as the caller's input error. */
export async function withCursor<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError)
      throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid input: cursor: ${error.message}` });
    throw error;
  }
}
