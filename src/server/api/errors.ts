// The one map from errors to tRPC answers (docs/architecture.md, "Errors"): an AppError
// keeps its code and message; a schema refusal is BAD_INPUT naming the fields; tRPC's
// own refusals keep theirs; anything else is INTERNAL with a reference, its details in
// the server log only. No answer carries a stack, Prisma or SQL text. The procedure
// middleware (asTRPCError) gives in-process callers (createCaller) the same codes that
// the error formatter (formatError) gives HTTP callers.
import { TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import { AppError, type ErrorCode } from "~/server/errors/app-error";
import { toAppError } from "~/server/errors/unexpected";

const TRPC_CODE: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_INPUT: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

const UNREADABLE_INPUT = "Invalid input: input: not the JSON a tRPC client sends.";

function describeZodError(error: ZodError): AppError {
  const issues = error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
  return new AppError("BAD_INPUT", `Invalid input: ${issues}`, { fields: error.issues.map((i) => i.path.join(".")) });
}

/** What a failed call answers: the error's AppError, or a generic one for our own faults. */
export function appErrorOf(error: TRPCError, where: string): AppError {
  const cause = error.cause;
  if (cause instanceof AppError) return cause;
  if (cause instanceof ZodError) return describeZodError(cause);
  // tRPC's own refusals (unparsable request, unknown procedure, wrong method) are the caller's.
  // One caused by a failed JSON or superjson parse says so in our words, not the parser's.
  if (error.code !== "INTERNAL_SERVER_ERROR") {
    const code = (Object.keys(TRPC_CODE) as ErrorCode[]).find((c) => TRPC_CODE[c] === error.code) ?? "BAD_INPUT";
    return new AppError(code, cause ? UNREADABLE_INPUT : error.message, cause ? { fields: ["input"] } : {});
  }
  return toAppError(cause ?? error, where);
}

/** A procedure's failure with the code its AppError says; unexpected ones logged here, once. */
export function asTRPCError(error: TRPCError, path: string): TRPCError {
  const app = appErrorOf(error, `trpc ${path}`);
  return new TRPCError({ code: TRPC_CODE[app.code], message: app.message, cause: app });
}

export interface AppErrorShape {
  message: string;
  code: (typeof TRPC_ERROR_CODES_BY_KEY)[TRPC_ERROR_CODE_KEY];
  data: {
    code: TRPC_ERROR_CODE_KEY;
    httpStatus: number;
    path?: string;
    fields?: string[];
    reason?: string;
    reference?: string;
  };
}

export function formatError(error: TRPCError, path: string | undefined): AppErrorShape {
  const app = appErrorOf(error, `trpc ${path ?? "(no procedure)"}`);
  const code = TRPC_CODE[app.code];
  return {
    message: app.message,
    code: TRPC_ERROR_CODES_BY_KEY[code],
    data: { code, httpStatus: app.status, path, ...app.details },
  };
}
