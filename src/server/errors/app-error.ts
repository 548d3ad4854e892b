// The one error the app shows its callers (docs/architecture.md, "Errors"). Domain code
// throws AppError with a code and a message written for the person who sees it; the
// tRPC layer (src/server/api/errors.ts) and route handlers (./http.ts) map the code to a
// status once. Anything else that escapes is a fault of ours: the caller gets a generic
// message with a reference, the server log gets the details (./unexpected.ts).

/** Each code with the HTTP status it answers as. */
export const ERROR_STATUS = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Structured facts a client may act on (never secrets, stacks or SQL). */
export interface ErrorDetails {
  /** Input fields at fault, as paths ("cursor", "skills.0.level"). */
  fields?: string[];
  /** A stable word for callers that branch on the kind of refusal (e.g. "owned-elsewhere"). */
  reason?: string;
  /** The server log's reference for an unexpected error. */
  reference?: string;
  /** RATE_LIMITED: seconds until a retry may succeed (sent as the Retry-After header too). */
  retryAfterSeconds?: number;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A bad value in one input field, worded like the schema's own refusals ("Invalid input: field: why"). */
export function invalidInput(field: string, why: string): AppError {
  return new AppError("BAD_INPUT", `Invalid input: ${field}: ${why}`, { fields: [field] });
}

export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found.`);
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
