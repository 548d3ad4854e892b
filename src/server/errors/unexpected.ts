// What escapes as anything but an AppError is our fault, not the caller's: the caller
// learns only that it failed and a reference to quote; the details (message, stack,
// Prisma or SQL text) go to the server log under that reference.
import { randomBytes } from "node:crypto";
import { AppError, isAppError } from "./app-error";
import { errorField, logger } from "~/server/logging/logger";

export type ErrorLog = (line: string, error: unknown) => void;

const defaultLog: ErrorLog = (line, error) => logger().error({ err: errorField(error) }, line);

/** The AppError to show for `error`; an unexpected one is logged once, with `where` (a procedure or route). */
export function toAppError(error: unknown, where: string, log: ErrorLog = defaultLog): AppError {
  if (isAppError(error)) return error;
  const reference = randomBytes(6).toString("hex");
  log(`[error ${reference}] ${where}:`, error);
  return new AppError("INTERNAL", `Something went wrong on our side (reference ${reference}).`, { reference });
}
