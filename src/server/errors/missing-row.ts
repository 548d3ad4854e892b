// Prisma refuses a write to a row that is not there (P2025), a link to one that is not
// there (P2003, a foreign key) or a relation to connect that is missing (P2018). For the
// caller that is a NOT_FOUND naming what was missing, not our fault (issue 11, finding 1).
import { Prisma } from "@prisma/client";
import { notFound } from "./app-error";

const MISSING_ROW_CODES = new Set(["P2025", "P2003", "P2018"]);

export function isMissingRow(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && MISSING_ROW_CODES.has(error.code);
}

/** The write's result, or NOT_FOUND for `what` when the row it names is not there; any other failure as it was. */
export async function orNotFound<T>(write: PromiseLike<T>, what: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isMissingRow(error)) throw notFound(what);
    throw error;
  }
}
