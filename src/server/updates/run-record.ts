// How a section run ends on its status row (SectionUpdateStatus): a success records the
// cache state and content hash and runs the retention purge; a failure keeps the last
// good data and records why. Also the shared name and location resolution after a write.
import type { Db } from "~/server/db/client";
import {
  type EsiClient,
  EsiMissingScopeError,
  EsiNoTokenError,
  EsiRateLimitedError,
  EsiTokenInvalidError,
} from "~/server/esi/client";
import { appMetrics } from "~/server/metrics/registry";
import { retentionCutoff } from "~/server/sections/retention";
import type { SectionDefinition, SectionSettings } from "~/server/sections/types";
import { errorField, logger } from "~/server/logging/logger";

export interface UpdateDeps {
  db: Db;
  esi: EsiClient;
  now?: () => Date;
  /** Name and location resolution for the ids a section reports (shared EveEntity and Location tables). */
  resolvers?: {
    entities?(ids: number[]): Promise<unknown>;
    locations?(characterId: number, ids: bigint[]): Promise<unknown>;
  };
}

/** Beside a run's data: ESI's warnings, and the parts of a multi-route section that failed (./run-notes.ts). */
export interface RunRemarks {
  warnings?: string[];
  failedParts?: string[];
}

export type SectionRunOutcome =
  | ({ section: string; status: "updated"; written: number; purged?: number } & RunRemarks)
  | ({
      section: string;
      status: "unchanged";
      reason: "not-modified" | "not-expired" | "same-content";
      purged?: number;
    } & RunRemarks)
  | { section: string; status: "failed"; error: string; tokenError: boolean; tokenInvalid: boolean }
  /** The section's own ESI bucket (e.g. char-wallet) is spent: the next scheduled scan finds it stale and runs it. */
  | { section: string; status: "deferred"; retryAt: string }
  /** ESI's health gate (./esi-health.ts) kept it from running: no request, not an error, still stale. */
  | { section: string; status: "skipped"; reason: string };

export type FailedRun = Extract<SectionRunOutcome, { status: "failed" }>;

export function statusKey(characterId: number, section: string) {
  return { characterId_section: { characterId, section } };
}

function isTokenFault(error: unknown): boolean {
  return (
    error instanceof EsiTokenInvalidError || error instanceof EsiNoTokenError || error instanceof EsiMissingScopeError
  );
}

/** The last good data stays; the status row says why the run failed. */
export async function recordFailure(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  error: unknown,
  warnings?: string[],
): Promise<FailedRun> {
  const message = error instanceof Error ? error.message : String(error);
  const tokenError = isTokenFault(error);
  // Dead (not merely lacking a scope): the character's token-dependent sections must stop.
  const tokenInvalid = error instanceof EsiTokenInvalidError || error instanceof EsiNoTokenError;
  const row = await deps.db.sectionUpdateStatus.update({
    where: statusKey(characterId, section.name),
    select: { startedAt: true, finishedAt: true },
    data: {
      isSuccess: false,
      errorMessage: message.slice(0, 1000),
      ...(warnings ? { warnings } : {}),
      isTokenError: tokenError,
      finishedAt: deps.now?.() ?? new Date(),
    },
  });
  observeRun(section.name, "failed", row);
  // A rate limit is for the caller's retry policy (Inngest's RetryAfterError); the status is recorded either way.
  // Other failures end here: the next scheduled run finds the section stale (its last run failed).
  if (error instanceof EsiRateLimitedError) throw error;
  return { section: section.name, status: "failed", error: message, tokenError, tokenInvalid };
}

/** Marks skipped reasons on the status row; isSuccess and finishedAt stay, so the section stays due. */
export const SKIPPED_PREFIX = "Skipped: ";

/** A run the health gate stopped: only the reason is written (no error, no retry), the rest of the row stays. */
export async function recordSkipped(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  reason: string,
): Promise<Extract<SectionRunOutcome, { status: "skipped" }>> {
  const errorMessage = `${SKIPPED_PREFIX}${reason}`.slice(0, 1000);
  await deps.db.sectionUpdateStatus.upsert({
    where: statusKey(characterId, section.name),
    create: { characterId, section: section.name, errorMessage },
    update: { errorMessage },
  });
  return { section: section.name, status: "skipped", reason };
}

/** The ESI cache state a successful run leaves, and the content hash when the data was stored. */
export interface SuccessState {
  etag: string | null;
  cacheExpiresAt: Date | null;
  contentHash?: string;
}

/** A run whose data was stored: what it recorded beside the data, for the outcome. */
function remarks(notes: RunRemarks): RunRemarks {
  return {
    ...(notes.warnings?.length ? { warnings: notes.warnings } : {}),
    ...(notes.failedParts?.length ? { failedParts: notes.failedParts } : {}),
  };
}

/**
 * Every run that stored (or kept) its data ends here: the retention purge (304s
 * included), then the status row. A run where some parts failed stored the others but
 * is not a success: the row names the failed parts and the section is stale for the
 * next scan, which asks the failed parts again (their route caches were not saved).
 */
export async function recordSuccess(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  now: Date,
  settings: SectionSettings,
  state: SuccessState,
  notes: RunRemarks = {},
): Promise<{ purged?: number } & RunRemarks> {
  const purged = await purgeExpired(deps, characterId, section, now, settings);
  const failed = notes.failedParts ?? [];
  const row = await deps.db.sectionUpdateStatus.update({
    where: statusKey(characterId, section.name),
    select: { startedAt: true, finishedAt: true },
    data: {
      isSuccess: failed.length === 0,
      errorMessage:
        failed.length === 0 ? null : `Part failed, its last good data kept: ${failed.join("; ")}`.slice(0, 1000),
      warnings: notes.warnings ?? [],
      isTokenError: false,
      finishedAt: deps.now?.() ?? new Date(),
      ...state,
    },
  });
  observeRun(section.name, failed.length === 0 ? "ok" : "partial", row);
  return { ...purged, ...remarks(notes) };
}

/** From the run's start on its status row to its recorded end: the same under Inngest's replayed steps. */
function observeRun(section: string, outcome: string, row: { startedAt: Date | null; finishedAt: Date | null }) {
  if (!row.startedAt || !row.finishedAt) return;
  const seconds = Math.max(0, (row.finishedAt.getTime() - row.startedAt.getTime()) / 1000);
  appMetrics().sectionDuration.observe({ section, outcome }, seconds);
}

/**
 * The retention purge (MEMBERAUDIT_DATA_RETENTION_LIMIT) belongs to the engine, not to
 * each section's persist: it runs after every successful run, so data ages out even
 * while ESI keeps answering 304. A no-op DELETE writes no row.
 */
async function purgeExpired(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  now: Date,
  settings: SectionSettings,
): Promise<{ purged?: number }> {
  if (!section.retention) return {};
  const purged = await section.retention.purge(deps.db, characterId, retentionCutoff(now, settings.retentionDays));
  return purged > 0 ? { purged } : {};
}

/** Names and locations are shared conveniences: failing to resolve them must not fail the section. */
export async function resolveReported(
  deps: UpdateDeps,
  characterId: number,
  entityIds?: number[],
  locationIds?: bigint[],
): Promise<void> {
  try {
    if (entityIds?.length && deps.resolvers?.entities) await deps.resolvers.entities([...new Set(entityIds)]);
    if (locationIds?.length && deps.resolvers?.locations)
      await deps.resolvers.locations(characterId, [...new Set(locationIds)]);
  } catch (error) {
    logger().warn(
      { characterId, err: errorField(error) },
      `name/location resolution for character ${characterId} failed`,
    );
  }
}
