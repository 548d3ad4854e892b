// Updating one section of one character: the cost and safety rules of DESIGN
// principle 4 in one place. Unchanged data (304, not expired, or same content hash)
// writes no section row; new data replaces the old in one transaction; a failure
// leaves the last good data and records why on the section's status row.
import { createHash } from "node:crypto";
import type { Db } from "~/server/db/client";
import { type EsiClient, EsiMissingScopeError, EsiNoTokenError, EsiRateLimitedError, EsiTokenInvalidError } from "~/server/esi/client";
import type { SectionDefinition, SectionSettings } from "~/server/sections/types";
import { retentionCutoff } from "~/server/sections/retention";
import { routeCaches } from "./route-caches";

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

export type SectionRunOutcome =
  | { section: string; status: "updated"; written: number; purged?: number }
  | { section: string; status: "unchanged"; reason: "not-modified" | "not-expired" | "same-content"; purged?: number }
  | { section: string; status: "failed"; error: string; tokenError: boolean; tokenInvalid: boolean };

/** Stable JSON (sorted keys) so equal data always hashes equal. */
function contentHash(data: unknown): string {
  const stable = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(stable)
      : value && typeof value === "object" && !(value instanceof Date)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, stable(v)]))
        : value;
  return createHash("sha256").update(JSON.stringify(stable(data), (_, v) => (typeof v === "bigint" ? v.toString() : v))).digest("hex");
}

function isTokenFault(error: unknown): boolean {
  return error instanceof EsiTokenInvalidError || error instanceof EsiNoTokenError || error instanceof EsiMissingScopeError;
}

export async function updateSection(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  options: { force?: boolean; settings: SectionSettings },
): Promise<SectionRunOutcome> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const key = { characterId_section: { characterId, section: section.name } };
  const previous = await db.sectionUpdateStatus.upsert({
    where: key,
    create: { characterId, section: section.name, startedAt: now },
    update: { startedAt: now },
  });
  const routes = routeCaches(db, characterId, section.name, { force: options.force ?? false });
  try {
    const fetched = await section.fetch({
      characterId,
      esi: deps.esi,
      db,
      now,
      force: options.force ?? false,
      settings: options.settings,
      cache: { etag: options.force ? null : previous.etag, expiresAt: options.force ? null : previous.cacheExpiresAt },
      routes,
    });
    const done = { isSuccess: true, errorMessage: null, isTokenError: false, finishedAt: deps.now?.() ?? new Date() };
    if (fetched.status === "unchanged") {
      await routes.save();
      const purged = await purgeExpired(deps, characterId, section, now, options.settings);
      await db.sectionUpdateStatus.update({ where: key, data: { ...done, etag: fetched.cache.etag, cacheExpiresAt: fetched.cache.expiresAt } });
      return { section: section.name, status: "unchanged", reason: fetched.reason, ...purged };
    }
    const hash = contentHash(fetched.data);
    const cache = { etag: fetched.cache?.etag ?? null, cacheExpiresAt: fetched.cache?.expiresAt ?? null };
    if (hash === previous.contentHash && previous.isSuccess) {
      await routes.save();
      const purged = await purgeExpired(deps, characterId, section, now, options.settings);
      await db.sectionUpdateStatus.update({ where: key, data: { ...done, ...cache } });
      return { section: section.name, status: "unchanged", reason: "same-content", ...purged };
    }
    const persisted = await db.$transaction(
      (tx) => section.persist({ characterId, tx, now, settings: options.settings }, fetched.data),
      { timeout: 120_000 },
    );
    await routes.save();
    const purged = await purgeExpired(deps, characterId, section, now, options.settings);
    await db.sectionUpdateStatus.update({ where: key, data: { ...done, ...cache, contentHash: hash } });
    await resolveReported(deps, characterId, persisted.entityIds, persisted.locationIds);
    return { section: section.name, status: "updated", written: persisted.written, ...purged };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const tokenError = isTokenFault(error);
    // Dead (not merely lacking a scope): the character's token-dependent sections must stop.
    const tokenInvalid = error instanceof EsiTokenInvalidError || error instanceof EsiNoTokenError;
    await db.sectionUpdateStatus.update({
      where: key,
      data: { isSuccess: false, errorMessage: message.slice(0, 1000), isTokenError: tokenError, finishedAt: deps.now?.() ?? new Date() },
    });
    // A rate limit is for the caller's retry policy (Inngest's RetryAfterError); the status is recorded either way.
    // Other failures end here: the next scheduled run finds the section stale (its last run failed).
    if (error instanceof EsiRateLimitedError) throw error;
    return { section: section.name, status: "failed", error: message, tokenError, tokenInvalid };
  }
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
async function resolveReported(deps: UpdateDeps, characterId: number, entityIds?: number[], locationIds?: bigint[]): Promise<void> {
  try {
    if (entityIds?.length && deps.resolvers?.entities) await deps.resolvers.entities([...new Set(entityIds)]);
    if (locationIds?.length && deps.resolvers?.locations) await deps.resolvers.locations(characterId, [...new Set(locationIds)]);
  } catch (error) {
    console.warn(`name/location resolution for character ${characterId} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
