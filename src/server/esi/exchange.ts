// The exchange: one logical request from admission to a 2xx or 304, with the
// retries it is allowed (backoff within a budget), one token renewal after a 401,
// and the limiter settled and the metrics recorded for every attempt. Separate
// from the caching and paging above it, which see only its result.
import type { Dispatcher } from "undici";
import { type LimiterGate, sleep } from "./admission";
import type { RetrySettings } from "./client-types";
import { EsiError, EsiResponseInvalidError, EsiRetryBudgetExceededError } from "./errors";
import { send, TransportError, type WireResponse } from "./http";
import type { LimiterStore, LimitOutcome } from "./limiter";
import type { EsiMetrics } from "./metrics";
import type { Prepared } from "./prepare";
import { errorMessage, expiresAtMs, limitOutcome, numberHeader } from "./response";
import { BodyMismatch, checkBody, logOnce } from "./tolerance";
import type { TokenProvider } from "./tokens";

export interface Exchanged {
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
  /** The parsed body of a 2xx (undefined for 204 and 304). */
  json: unknown;
  etag: string | null;
  expiresAtMs: number | null;
  lastModified: string | null;
  pages: number | undefined;
}

const RETRYABLE = new Set([502, 503, 504]);

function backoff(retry: RetrySettings, retryNumber: number): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (retryNumber - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

export type Exchange = (p: Prepared, ifNoneMatch: string | undefined) => Promise<Exchanged>;

export interface ExchangeDeps {
  baseUrl: string;
  /** Per attempt (connect + headers + body). */
  timeoutMs: number;
  retry: RetrySettings;
  /** Sent with every request: Accept, User-Agent, X-Compatibility-Date. */
  baseHeaders: Record<string, string>;
  dispatcher: Dispatcher;
  tokens: TokenProvider | undefined;
  store: LimiterStore;
  gate: LimiterGate;
  metrics: EsiMetrics;
}

export function createExchange(deps: ExchangeDeps): Exchange {
  const { baseUrl, timeoutMs, retry, baseHeaders, dispatcher, tokens, store, gate, metrics } = deps;

  /**
   * One logical request: limiter admission, the attempt, settling the limiter,
   * metrics, and retries (5xx/timeouts with backoff, one token renewal after a 401,
   * waits for 420/429 pauses). Returns 2xx and 304 responses; throws the rest typed.
   */
  async function exchange(p: Prepared, ifNoneMatch: string | undefined): Promise<Exchanged> {
    const { op } = p;
    const started = Date.now();
    const waited = { ms: 0 };
    const bucket = await gate.bucketFor(op, p.subject);
    if (op.scopes.length > 0 && !tokens)
      throw new Error(`ESI ${op.path} needs a token provider (EsiClientConfig.tokens)`);
    // Token state and scopes are checked before the limiter or the network is involved.
    let token =
      p.characterId !== undefined && tokens ? await tokens.accessToken(p.characterId, op.scopes, op.path) : undefined;
    let attempts = 0;
    let renewed = false;
    for (;;) {
      const { ticket, release } = await gate.admitted(p, bucket, waited);
      attempts += 1;
      const headers: Record<string, string> = { ...baseHeaders };
      if (token) headers.authorization = `Bearer ${token.accessToken}`;
      if (ifNoneMatch) headers["if-none-match"] = ifNoneMatch;
      if (p.body !== undefined) headers["content-type"] = "application/json";
      let response: WireResponse | undefined;
      let failure: TransportError | undefined;
      let outcome: LimitOutcome;
      const t0 = performance.now();
      try {
        try {
          response = await send(
            dispatcher,
            { method: p.method, url: `${baseUrl}${p.target}`, headers, body: p.body, signal: p.signal },
            timeoutMs,
          );
        } catch (error) {
          if (!(error instanceof TransportError)) {
            await store.settle(ticket, { status: 0 }, bucket).catch(() => undefined);
            throw error;
          }
          failure = error;
        }
        outcome = limitOutcome(response?.status ?? 0, response?.headers ?? {});
        const t1 = performance.now();
        await store.settle(ticket, outcome, bucket);
        metrics.limiterTime(performance.now() - t1);
      } finally {
        release();
      }
      const status = response?.status ?? 0;
      const respHeaders = response?.headers ?? {};
      if (outcome.rate?.group) await gate.learn(op, outcome.rate.group);
      metrics.record({
        route: op.path,
        group: outcome.rate?.group ?? (bucket.metered ? bucket.group : undefined),
        status,
        durationMs: response?.durationMs ?? performance.now() - t0,
        bytes: response?.body.length ?? 0,
        cache: status === 304 ? "not-modified" : undefined,
      });

      // A 2xx whose body is not JSON (cut short, a proxy's HTML page) is a transport glitch: retried like a 503.
      let unparsable: string | undefined;
      if (response && ((status >= 200 && status < 300) || status === 304)) {
        let json: unknown;
        if (status !== 204 && status !== 304) {
          try {
            json = JSON.parse(response.body.toString("utf8"));
          } catch {
            unparsable = `body is not JSON (${response.body.length} bytes)`;
          }
        }
        if (unparsable === undefined) {
          return {
            status,
            headers: respHeaders,
            body: response.body,
            json,
            etag: respHeaders.etag ?? null,
            expiresAtMs: expiresAtMs(respHeaders, Date.now()),
            lastModified: respHeaders["last-modified"] ?? null,
            pages: numberHeader(respHeaders["x-pages"]),
          };
        }
      }
      if (status === 401 && token && !renewed && p.characterId !== undefined && tokens) {
        renewed = true;
        token = await tokens.renew(p.characterId, token.accessToken, op.path);
        continue;
      }
      // The limiter recorded the pause; the next admission waits for it (or refuses).
      if (status === 420 || status === 429) {
        attempts -= 1;
        continue;
      }
      const retryable = failure !== undefined || unparsable !== undefined || RETRYABLE.has(status);
      const body = response?.body ?? Buffer.alloc(0);
      if (!retryable) throw new EsiError(status, op.path, errorMessage(body, status));
      const lastError = failure ? failure.message : (unparsable ?? `HTTP ${status}: ${errorMessage(body, status)}`);
      const giveUp = () => {
        if (unparsable !== undefined)
          return new EsiResponseInvalidError(op.path, `${unparsable} after ${attempts} attempt(s)`);
        if (failure || p.idempotent)
          return new EsiRetryBudgetExceededError(op.path, attempts, failure ? undefined : status, lastError);
        return new EsiError(status, op.path, errorMessage(body, status));
      };
      if (!p.idempotent) throw giveUp();
      const delay = backoff(retry, attempts);
      if (attempts >= retry.maxAttempts || Date.now() - started + delay > retry.maxTotalMs) throw giveUp();
      metrics.retry();
      await sleep(delay, p.signal);
    }
  }

  return exchange;
}

/**
 * The body checked against the operation's response schema, tolerantly (tolerance.ts):
 * unknown enum values and left-out list items are warnings, logged once and passed to
 * the caller's `onWarning`.
 */
export function decode(p: Prepared, response: Exchanged): unknown {
  if (response.status === 204) return undefined;
  const route = `${p.method} ${p.op.path}`;
  try {
    return checkBody(p.method, p.op.path, response.json, p.reads, (w) => {
      const warning = { route, ...w };
      logOnce(warning);
      p.onWarning?.(warning);
    });
  } catch (error) {
    if (error instanceof BodyMismatch) throw new EsiResponseInvalidError(p.op.path, error.message);
    throw error;
  }
}
