// Updating one section of one character: the cost and safety rules of
// docs/architecture.md, principle 4, in one place. Unchanged data (304, not expired, or
// same content hash) writes no section row; new data replaces the old in one
// transaction; a failure leaves the last good data and records why on the section's
// status row (./run-record.ts); large sections write in chunks (./staged-chunks.ts).
import { createHash } from "node:crypto";
import { EsiRateLimitedError, withReads } from "~/server/esi/client";
import { withLogContext } from "~/server/logging/context";
import { EveryPartFailedError, type SectionDefinition, type SectionSettings } from "~/server/sections/types";
import { routeCaches } from "./route-caches";
import { noteSectionRunning, releaseSection } from "./running-sections";
import { runNotes } from "./run-notes";
import {
  recordFailure,
  recordSuccess,
  resolveReported,
  type SectionRunOutcome,
  type SuccessState,
  statusKey,
  type UpdateDeps,
} from "./run-record";
import { finishStagedUpdate, type StagedUpdate, stageRows, writeStagedChunk } from "./staged-chunks";

export type { SectionRunOutcome, UpdateDeps } from "./run-record";

/**
 * Runs one named part of a section run. Plain callers run it inline; a job passes its
 * step tool, so each part is a step that a retry does not repeat (parts return JSON).
 */
export type StepRunner = <T>(id: string, part: () => Promise<T>) => Promise<T>;

export const runInline: StepRunner = (_id, part) => part();

/**
 * A section run to the end: begin (fetch, compare, persist or stage), then for a chunked
 * section one part per chunk and a finish. The one chunk loop: jobs, the CLI and tests
 * all come through here.
 */
export async function updateSection(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  options: { force?: boolean; settings: SectionSettings },
  step: StepRunner = runInline,
): Promise<SectionRunOutcome> {
  const done = noteSectionRunning(characterId, section.name);
  try {
    // Every line logged while the section updates carries the character and the section (src/server/logging).
    return await withLogContext({ characterId, section: section.name }, () =>
      sectionParts(deps, characterId, section, options, step),
    );
  } catch (error) {
    // Ended part-way (a stopping process, a limit that retries the run later): not left marked running.
    await releaseSection(deps.db, characterId, section.name).catch(() => undefined);
    throw error;
  } finally {
    done();
  }
}

async function sectionParts(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  options: { force?: boolean; settings: SectionSettings },
  step: StepRunner,
): Promise<SectionRunOutcome> {
  const id = `section-${section.name}`;
  const begun = await step(id, () =>
    deferOnBucketLimit(section.name, () => beginSectionUpdate(deps, characterId, section, options)),
  );
  if (begun.status !== "staged") return begun;
  let written = 0;
  for (let index = 0; index < begun.chunks; index++) {
    const chunk = await step(`${id}-chunk-${index}`, () =>
      writeStagedChunk(deps, characterId, section, index, options),
    );
    if (chunk.status === "failed") return chunk;
    written += chunk.written;
  }
  return step(`${id}-finish`, () => finishStagedUpdate(deps, characterId, section, begun, written, options));
}

/**
 * A bucket limit on the first part defers the section instead of holding the whole
 * character's run until the bucket refills; the error limit (every route) still stops
 * the run, for the caller's retry policy.
 */
async function deferOnBucketLimit<T>(
  section: string,
  run: () => Promise<T>,
): Promise<T | Extract<SectionRunOutcome, { status: "deferred" }>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof EsiRateLimitedError && error.limit === "rate-limit") {
      return { section, status: "deferred", retryAt: error.retryAt.toISOString() };
    }
    throw error;
  }
}

/** Stable JSON (sorted keys) so equal data always hashes equal. */
function contentHash(data: unknown): string {
  const stable = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(stable)
      : value && typeof value === "object" && !(value instanceof Date)
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, stable(v)]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify(stable(data), (_, v) => (typeof v === "bigint" ? v.toString() : v)))
    .digest("hex");
}

/**
 * The first (for most sections the only) part of a section run: fetch, compare,
 * and persist in one transaction, or, for a chunked section, stage the rows.
 */
export async function beginSectionUpdate(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  options: { force?: boolean; settings: SectionSettings },
): Promise<SectionRunOutcome | StagedUpdate> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const key = statusKey(characterId, section.name);
  const previous = await db.sectionUpdateStatus.upsert({
    where: key,
    create: { characterId, section: section.name, startedAt: now },
    update: { startedAt: now },
  });
  const routes = routeCaches(db, characterId, section.name, { force: options.force ?? false });
  const notes = runNotes();
  const remarks = () => ({ warnings: notes.warnings(), failedParts: notes.failedParts() });
  try {
    const fetched = await section.fetch({
      characterId,
      esi: withReads(deps.esi, section.reads, notes.warn),
      part: notes.part,
      db,
      now,
      force: options.force ?? false,
      settings: options.settings,
      cache: { etag: options.force ? null : previous.etag, expiresAt: options.force ? null : previous.cacheExpiresAt },
      routes,
    });
    const succeeded = (state: SuccessState) =>
      recordSuccess(deps, characterId, section, now, options.settings, state, remarks());
    if (fetched.status === "unchanged") {
      await routes.save();
      const purged = await succeeded({ etag: fetched.cache.etag, cacheExpiresAt: fetched.cache.expiresAt });
      return { section: section.name, status: "unchanged", reason: fetched.reason, ...purged };
    }
    const hash = contentHash(fetched.data);
    const cache = { etag: fetched.cache?.etag ?? null, cacheExpiresAt: fetched.cache?.expiresAt ?? null };
    if (hash === previous.contentHash && previous.isSuccess && notes.failedParts().length === 0) {
      await routes.save();
      const purged = await succeeded(cache);
      return { section: section.name, status: "unchanged", reason: "same-content", ...purged };
    }
    if (section.chunked) {
      const chunks = await stageRows(
        db,
        characterId,
        section.name,
        section.chunked.rows(fetched.data),
        options.settings.assetsChunkSize,
      );
      return {
        section: section.name,
        status: "staged",
        chunks,
        contentHash: hash,
        etag: cache.etag,
        expiresAt: cache.cacheExpiresAt?.toISOString() ?? null,
        ...remarks(),
      };
    }
    const persisted = await db.$transaction(
      (tx) => section.persist({ characterId, tx, now, settings: options.settings }, fetched.data),
      { timeout: 120_000 },
    );
    await routes.save();
    const purged = await succeeded({ ...cache, contentHash: hash });
    await resolveReported(deps, characterId, persisted.entityIds, persisted.locationIds);
    return { section: section.name, status: "updated", written: persisted.written, ...purged };
  } catch (error) {
    const failure =
      error instanceof EveryPartFailedError ? new Error(`Every part failed: ${notes.failedParts().join("; ")}`) : error;
    return recordFailure(deps, characterId, section, failure, notes.warnings());
  }
}
