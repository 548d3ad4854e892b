// The ESI health gate: before a section runs, ESI's route health (GET /meta/status) says
// whether to call at all. Read at most once a minute per ESI client (one per process, so
// shared by every character it updates), on the clock from deps. ESI down (the status
// route unreachable or 5xx twice in a row; a 4xx is no verdict) skips every section; a route reported "Down" skips the
// sections that use it. Degraded, Recovering and Unknown routes are still called.
import { type EsiClient, EsiError, EsiFailure, EsiRetryBudgetExceededError } from "~/server/esi/client";
import type { SectionDefinition } from "~/server/sections/types";

export const HEALTH_TTL_MS = 60_000;

export type EsiHealth = { up: false; reason: string } | { up: true; downRoutes: ReadonlySet<string> };

interface Cached {
  readAt: number;
  health: Promise<EsiHealth>;
}

const cache = new WeakMap<EsiClient, Cached>();

/** "GET /characters/{character_id}/wallet", the form sections declare their routes in. */
export function routeKey(method: string, path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return `${method.toUpperCase()} ${trimmed.startsWith("/") ? trimmed : `/${trimmed}`}`;
}

/** Pause before the second reading that a failed first one gets. */
const SECOND_READING_DELAY_MS = 250;

/**
 * Down only when two readings in a row say so: one 500 (which the client does not retry, unlike 502-504) would
 * otherwise skip every section of every character for a minute (found by the fault soak, docs/soak.md).
 */
async function readHealth(esi: EsiClient): Promise<EsiHealth> {
  const first = await readOnce(esi);
  if (first.up) return first;
  await new Promise((resolve) => setTimeout(resolve, SECOND_READING_DELAY_MS));
  return readOnce(esi);
}

async function readOnce(esi: EsiClient): Promise<EsiHealth> {
  try {
    const body = await esi.getData("/meta/status");
    const down = body.routes.filter((r) => r.status === "Down").map((r) => routeKey(r.method, r.path));
    return { up: true, downRoutes: new Set(down) };
  } catch (error) {
    // Unreachable, 5xx or retries spent: down. A 4xx or a spent meta bucket says nothing about the other routes.
    const down =
      !(error instanceof EsiFailure) ||
      error instanceof EsiRetryBudgetExceededError ||
      (error instanceof EsiError && error.status >= 500);
    if (!down) return { up: true, downRoutes: new Set() };
    return { up: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** ESI's health now: the last reading when it is under a minute old, else a new one (concurrent callers share it). */
export function esiHealth(deps: { esi: EsiClient; now?: () => Date }): Promise<EsiHealth> {
  const now = (deps.now?.() ?? new Date()).getTime();
  const cached = cache.get(deps.esi);
  if (cached && now >= cached.readAt && now - cached.readAt < HEALTH_TTL_MS) return cached.health;
  const health = readHealth(deps.esi);
  cache.set(deps.esi, { readAt: now, health });
  return health;
}

/** Why the section must not run now, or undefined when it may. */
export function skipReason(health: EsiHealth, section: Pick<SectionDefinition<any>, "routes">): string | undefined {
  if (!health.up) return `ESI is down (${health.reason.slice(0, 200)})`;
  const red = section.routes.filter((r) => {
    const [method = "", path = ""] = r.split(" ");
    return health.downRoutes.has(routeKey(method, path));
  });
  return red.length > 0 ? `ESI reports ${red.join(", ")} down` : undefined;
}
