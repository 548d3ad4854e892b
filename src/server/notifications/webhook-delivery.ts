// Posting one delivery to its endpoint's URL, once per call: the deliver-webhook job
// calls this on every attempt and turns the outcome into a retry (with the receiver's
// Retry-After when it names one) or the end. Each attempt is recorded on the row, so
// the admin page shows failures while retries go on. Redirects are never followed (a
// redirect could lead anywhere, past the allowed hosts), and no message names the URL:
// its path is the credential, and these messages reach the job log and the admin page.
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { webhookPayload } from "./webhook-payload";
import { checkWebhookUrl, type WebhookKind, type WebhookSettings } from "./webhook-url";

export type DeliveryOutcome =
  | { status: "delivered" }
  /** Nothing to do: the delivery or its endpoint is gone, or it was delivered already. */
  | { status: "skipped" }
  | { status: "retry"; error: string; retryAt?: Date }
  | { status: "failed"; error: string };

export interface DeliveryDeps {
  db: Db;
  cipher: TokenCipher;
  settings: WebhookSettings;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** A Retry-After beyond this is not waited for in one run: the attempt counts as failed and retries go on. */
const MAX_RETRY_AFTER_MS = 15 * 60_000;
const ERROR_MAX = 300;

/** Seconds (Discord and Slack send these, Discord also as JSON `retry_after`) or an HTTP date. */
function retryAfterMs(header: string | null, body: string, now: number): number | undefined {
  if (header && /^\d+(\.\d+)?$/.test(header.trim())) return Number(header) * 1000;
  if (header) {
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  try {
    const seconds = (JSON.parse(body) as { retry_after?: unknown }).retry_after;
    if (typeof seconds === "number" && seconds >= 0) return seconds * 1000;
  } catch {
    // not JSON: no hint
  }
  return undefined;
}

function networkError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `no answer within ${timeoutMs / 1000} s`;
  return `connection failed${e.cause?.code ? ` (${e.cause.code})` : ""}`;
}

type Attempt = { ok: true } | { ok: false; error: string; retriable: boolean; retryInMs?: number };

async function post(
  url: string,
  kind: WebhookKind,
  notice: { level: string; title: string; message: string },
  deps: DeliveryDeps,
  now: number,
): Promise<Attempt> {
  const timeoutMs = deps.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await (deps.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(webhookPayload(kind, notice)),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, error: networkError(error, timeoutMs), retriable: true };
  }
  const body = await response.text().catch(() => "");
  if (response.ok) return { ok: true };
  // What the receiver said helps the admin (Discord: "Unknown Webhook"), minus anything of the URL.
  const said = body.split(url).join("…").replace(/\s+/g, " ").trim().slice(0, 120);
  const error = `HTTP ${response.status}${said ? `: ${said}` : ""}`;
  if (response.status >= 300 && response.status < 400)
    return refused(`HTTP ${response.status}: redirects are not followed`);
  if (response.status === 429) {
    const wait = retryAfterMs(response.headers.get("retry-after"), body, now);
    return { ok: false, error, retriable: true, ...(wait !== undefined ? { retryInMs: wait } : {}) };
  }
  // Other 4xx are the receiver refusing this URL or payload for good (Discord: 404 for a deleted webhook).
  return { ok: false, error, retriable: response.status >= 500 || response.status === 408 };
}

function refused(error: string): Attempt {
  return { ok: false, error, retriable: false };
}

async function attemptPost(
  deps: DeliveryDeps,
  delivery: { level: string; title: string; message: string; endpoint: { urlEnc: string; kind: string } },
  now: number,
): Promise<Attempt> {
  const kind = delivery.endpoint.kind as WebhookKind;
  let url: string;
  try {
    url = deps.cipher.decrypt(delivery.endpoint.urlEnc);
  } catch {
    return refused("the stored URL cannot be decrypted with the configured keys (TOKEN_ENCRYPTION_KEY)");
  }
  try {
    // The settings may have changed since the URL was saved: an origin no longer allowed is not posted to.
    checkWebhookUrl(url, kind, deps.settings);
  } catch {
    return refused("the URL is no longer allowed (MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS)");
  }
  return post(url, kind, delivery, deps, now);
}

/**
 * One attempt at delivery `id`. `final` is the job's last attempt: a failure then ends the
 * delivery as failed instead of leaving it pending for the next retry.
 */
export async function attemptDelivery(
  deps: DeliveryDeps,
  id: string,
  options: { final: boolean; now?: Date },
): Promise<DeliveryOutcome> {
  const now = options.now ?? new Date();
  const delivery = await deps.db.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true } });
  if (!delivery || delivery.status !== "pending") return { status: "skipped" };
  const attempt = await attemptPost(deps, delivery, now.getTime());
  const done = attempt.ok || !attempt.retriable || options.final;
  const error = attempt.ok ? undefined : attempt.error.slice(0, ERROR_MAX);
  await deps.db.webhookDelivery.update({
    where: { id },
    data: {
      attempts: { increment: 1 },
      lastAttemptAt: now,
      status: attempt.ok ? "delivered" : done ? "failed" : "pending",
      ...(attempt.ok ? { deliveredAt: now } : { lastError: error }),
    },
  });
  if (attempt.ok) return { status: "delivered" };
  if (done) return { status: "failed", error: error! };
  const retryIn = attempt.retryInMs;
  return retryIn !== undefined && retryIn <= MAX_RETRY_AFTER_MS
    ? { status: "retry", error: error!, retryAt: new Date(now.getTime() + Math.max(retryIn, 1000)) }
    : { status: "retry", error: error! };
}
