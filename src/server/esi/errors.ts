// Typed failures of the ESI client. Callers switch on the class (or `kind`) to
// decide what a section status records: a dead token, a missing scope, a limit
// pause with the time to come back, a bad body, or an ESI error response.

export abstract class EsiFailure extends Error {
  abstract readonly kind: string;
  /** Path template of the operation, e.g. /characters/{character_id}/assets. */
  abstract readonly route: string;
}

/** ESI answered with an error status (after any retries the status allows). */
export class EsiError extends EsiFailure {
  readonly kind = "http";
  constructor(
    readonly status: number,
    readonly route: string,
    message: string,
  ) {
    super(`ESI ${route} answered ${status}: ${message}`);
    this.name = "EsiError";
  }
}

/** The response body is not JSON or does not match the spec's response schema. */
export class EsiResponseInvalidError extends EsiFailure {
  readonly kind = "invalid-response";
  constructor(
    readonly route: string,
    readonly issues: string,
  ) {
    super(`ESI ${route} returned a body that does not match its schema: ${issues}`);
    this.name = "EsiResponseInvalidError";
  }
}

/**
 * A limit stops the request: the error limit (420 or too few errors left) or a
 * rate-limit bucket (429 or too few tokens left). Nothing was sent. `retryAt` is
 * when the pause ends (the job engine turns it into a RetryAfterError).
 */
export class EsiRateLimitedError extends EsiFailure {
  readonly kind = "rate-limited";
  constructor(
    readonly route: string,
    readonly retryAt: Date,
    readonly limit: "error-limit" | "rate-limit",
    readonly bucket: string | undefined,
  ) {
    super(`ESI ${route}: paused by the ${limit}${bucket ? ` (${bucket})` : ""} until ${retryAt.toISOString()}`);
    this.name = "EsiRateLimitedError";
  }
}

/** Retryable failures (502/503/504, timeouts, dropped connections) outlasted the retry budget. */
export class EsiRetryBudgetExceededError extends EsiFailure {
  readonly kind = "retry-budget";
  constructor(
    readonly route: string,
    readonly attempts: number,
    readonly lastStatus: number | undefined,
    readonly lastError: string,
  ) {
    super(`ESI ${route}: gave up after ${attempts} attempts (${lastError})`);
    this.name = "EsiRetryBudgetExceededError";
  }
}

/** The paged resource kept changing between pages (Last-Modified differed) on every walk. */
export class EsiInconsistentPagesError extends EsiFailure {
  readonly kind = "inconsistent-pages";
  constructor(
    readonly route: string,
    readonly walks: number,
  ) {
    super(`ESI ${route}: pages disagreed on Last-Modified in ${walks} walks`);
    this.name = "EsiInconsistentPagesError";
  }
}

/** The character's token is dead (invalid_grant) or was marked INVALID before: no request, no refresh. */
export class EsiTokenInvalidError extends EsiFailure {
  readonly kind = "token-invalid";
  constructor(
    readonly characterId: number,
    readonly reason: string,
    readonly route: string = "(token)",
  ) {
    super(`ESI token of character ${characterId} is invalid: ${reason}`);
    this.name = "EsiTokenInvalidError";
  }
}

/** The character has no stored token at all. */
export class EsiNoTokenError extends EsiFailure {
  readonly kind = "no-token";
  constructor(
    readonly characterId: number,
    readonly route: string = "(token)",
  ) {
    super(`No ESI token stored for character ${characterId}`);
    this.name = "EsiNoTokenError";
  }
}

/** The token lacks the scope the route requires; raised before any request. */
export class EsiMissingScopeError extends EsiFailure {
  readonly kind = "missing-scope";
  constructor(
    readonly characterId: number,
    readonly route: string,
    readonly scope: string,
  ) {
    super(`ESI ${route}: the token of character ${characterId} lacks the scope ${scope}`);
    this.name = "EsiMissingScopeError";
  }
}

/** Refreshing the access token failed for a passing reason (SSO down, network); try again later. */
export class EsiTokenRefreshError extends EsiFailure {
  readonly kind = "token-refresh";
  constructor(
    readonly characterId: number,
    readonly reason: string,
    readonly route: string = "(token)",
  ) {
    super(`Refreshing the ESI token of character ${characterId} failed: ${reason}`);
    this.name = "EsiTokenRefreshError";
  }
}
