// What a fault rule may say, checked once when it is injected so a typo in a
// test fails loudly instead of silently matching nothing.
import { esiError } from "../http/io";

/** "drift": a 200 body shaped like CCP's real ones that break the spec (./drift.ts); only on routes that have such a shape. */
export const FAULT_KINDS = [
  "status",
  "timeout",
  "slow",
  "truncated",
  "malformed",
  "drift",
  "420",
  "429",
  "revoke",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FAULT_STATUSES = [500, 502, 503, 504, 520] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

const METHODS = ["GET", "POST", "PUT", "DELETE"] as const;

export interface FaultRule {
  /** A path template ("/characters/{character_id}/assets"), a concrete path, or a prefix ending in "*"; absent = every ESI route. */
  route?: string;
  method?: (typeof METHODS)[number];
  kind: FaultKind;
  /** For kind "status"; default 500. */
  status?: FaultStatus;
  /** Chance per matching request, 0..1; default 1. */
  rate?: number;
  /** Injections before the rule goes quiet; default unlimited. */
  count?: number;
  /** slow: delay before the normal answer (default 2000); timeout: how long the socket is held (default 30000); 429: Retry-After (default 60000). */
  delayMs?: number;
  /** Only requests for this character (path character_id, else the token's character). */
  characterId?: number;
}

/** CCP's bodies for the 5xx answers ESI gives during downtime and backend trouble. */
export const FAULT_STATUS_MESSAGES: Record<FaultStatus, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "The datasource tranquility is temporarily unavailable",
  504: "Timeout contacting tranquility",
  520: "Internal error thrown from the EVE server",
};

export const DEFAULT_DELAY_MS: Partial<Record<FaultKind, number>> = { slow: 2000, timeout: 30_000, "429": 60_000 };

const KNOWN_FIELDS = new Set(["route", "method", "kind", "status", "rate", "count", "delayMs", "characterId"]);

function fail(message: string): never {
  throw esiError(400, `Invalid fault rule: ${message}`);
}

export function parseFaultRule(input: unknown): FaultRule {
  if (typeof input !== "object" || input === null || Array.isArray(input)) fail("expected a JSON object");
  const raw = input as Record<string, unknown>;
  for (const name of Object.keys(raw)) if (!KNOWN_FIELDS.has(name)) fail(`unknown field "${name}"`);
  const { route, method, kind, status, rate, count, delayMs, characterId } = raw;
  if (!FAULT_KINDS.includes(kind as FaultKind)) fail(`kind must be one of ${FAULT_KINDS.join(", ")}`);
  const rule: FaultRule = { kind: kind as FaultKind };
  if (route !== undefined) {
    if (typeof route !== "string" || !route.startsWith("/")) fail("route must be a path starting with /");
    rule.route = route.length > 1 ? route.replace(/\/+$/, "") : route;
  }
  if (method !== undefined) {
    if (!METHODS.includes(method as (typeof METHODS)[number])) fail(`method must be one of ${METHODS.join(", ")}`);
    rule.method = method as FaultRule["method"];
  }
  if (status !== undefined) {
    if (kind !== "status") fail('status only applies to kind "status"');
    if (!FAULT_STATUSES.includes(status as FaultStatus)) fail(`status must be one of ${FAULT_STATUSES.join(", ")}`);
    rule.status = status as FaultStatus;
  }
  if (rate !== undefined) {
    if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) fail("rate must be a number from 0 to 1");
    rule.rate = rate;
  }
  if (count !== undefined) {
    if (!Number.isSafeInteger(count) || (count as number) < 0) fail("count must be an integer >= 0");
    rule.count = count as number;
  }
  if (delayMs !== undefined) {
    if (typeof delayMs !== "number" || !Number.isFinite(delayMs) || delayMs < 0)
      fail("delayMs must be a finite number >= 0");
    rule.delayMs = delayMs;
  }
  if (characterId !== undefined) {
    if (!Number.isSafeInteger(characterId) || (characterId as number) < 1)
      fail("characterId must be a positive integer");
    rule.characterId = characterId as number;
  }
  return rule;
}
