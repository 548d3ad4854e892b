// Updating one section of one character: the cost and safety rules of DESIGN
// principle 4 in one place. Unchanged data (304, not expired, or same content hash)
// writes no section row; new data replaces the old in one transaction; a failure
// leaves the last good data and records why on the section's status row.
import { createHash } from "node:crypto";
import type { Db } from "~/server/db/client";
import {
  type EsiClient,
  EsiMissingScopeError,
  EsiNoTokenError,
  EsiRateLimitedError,
  EsiTokenInvalidError,
} from "~/server/esi/client";
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

function isTokenFault(error: unknown): boolean {
  return (
    error instanceof EsiTokenInvalidError || error instanceof EsiNoTokenError || error instanceof EsiMissingScopeError
  );
}

/** A chunked section's data waits in SectionStagedChunk; this is all the later steps need. */
export interface StagedUpdate {
  section: string;
  status: "staged";
  chunks: number;
  contentHash: string;
  etag: string | null;
  /** ISO, so the state survives a step boundary as JSON. */
  expiresAt: string | null;
}

/** Runs a section to the end in this process; chunked sections write chunk by chunk. */
export async function updateSection(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  options: { force?: boolean; settings: SectionSettings },
): Promise<SectionRunOutcome> {
  const begun = await beginSectionUpdate(deps, characterId, section, options);
  if (begun.status !== "staged") return begun;
  let written = 0;
  for (let index = 0; index < begun.chunks; index++) {
    const chunk = await writeStagedChunk(deps, characterId, section, index, options);
    if (chunk.status === "failed") return chunk;
    written += chunk.written;
  }
  return finishStagedUpdate(deps, characterId, section, begun, written, options);
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
    const succeeded = (state: SuccessState) => recordSuccess(deps, characterId, section, now, options.settings, state);
    if (fetched.status === "unchanged") {
      await routes.save();
      const purged = await succeeded({ etag: fetched.cache.etag, cacheExpiresAt: fetched.cache.expiresAt });
      return { section: section.name, status: "unchanged", reason: fetched.reason, ...purged };
    }
    const hash = contentHash(fetched.data);
    const cache = { etag: fetched.cache?.etag ?? null, cacheExpiresAt: fetched.cache?.expiresAt ?? null };
    if (hash === previous.contentHash && previous.isSuccess) {
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
    return recordFailure(deps, characterId, section, error);
  }
}

/** One chunk of a staged section, in its own transaction. */
export async function writeStagedChunk(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  index: number,
  options: { settings: SectionSettings },
): Promise<{ section: string; status: "written"; written: number } | Extract<SectionRunOutcome, { status: "failed" }>> {
  const chunked = requireChunked(section);
  try {
    const staged = await deps.db.sectionStagedChunk.findUniqueOrThrow({
      where: { characterId_section_index: { characterId, section: section.name, index } },
    });
    const rows = parseRows(staged.payload);
    const now = deps.now?.() ?? new Date();
    const persisted = await deps.db.$transaction(
      (tx) => chunked.write({ characterId, tx, now, settings: options.settings }, rows),
      { timeout: 120_000 },
    );
    await resolveReported(deps, characterId, persisted.entityIds, persisted.locationIds);
    return { section: section.name, status: "written", written: persisted.written };
  } catch (error) {
    return recordFailure(deps, characterId, section, error);
  }
}

/** After the last chunk: rows no longer in the data go, the stage is cleared, the run is recorded. */
export async function finishStagedUpdate(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  staged: StagedUpdate,
  written: number,
  options: { settings: SectionSettings },
): Promise<SectionRunOutcome> {
  const chunked = requireChunked(section);
  const { db } = deps;
  try {
    const keep = new Set<bigint>();
    for (let index = 0; index < staged.chunks; index++) {
      const chunk = await db.sectionStagedChunk.findUniqueOrThrow({
        where: { characterId_section_index: { characterId, section: section.name, index } },
      });
      for (const row of parseRows(chunk.payload)) keep.add(chunked.key(row));
    }
    const now = deps.now?.() ?? new Date();
    const removed = await db.$transaction(
      (tx) => chunked.removeOthers({ characterId, tx, now, settings: options.settings }, keep),
      { timeout: 120_000 },
    );
    await db.sectionStagedChunk.deleteMany({ where: { characterId, section: section.name } });
    const purged = await recordSuccess(deps, characterId, section, now, options.settings, {
      etag: staged.etag,
      cacheExpiresAt: staged.expiresAt === null ? null : new Date(staged.expiresAt),
      contentHash: staged.contentHash,
    });
    return { section: section.name, status: "updated", written: written + removed, ...purged };
  } catch (error) {
    return recordFailure(deps, characterId, section, error);
  }
}

function statusKey(characterId: number, section: string) {
  return { characterId_section: { characterId, section } };
}

function requireChunked(section: SectionDefinition<any>) {
  if (!section.chunked) throw new Error(`section ${section.name} is not written in chunks`);
  return section.chunked;
}

/** The last good data stays; the status row says why the run failed. */
async function recordFailure(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  error: unknown,
): Promise<Extract<SectionRunOutcome, { status: "failed" }>> {
  const message = error instanceof Error ? error.message : String(error);
  const tokenError = isTokenFault(error);
  // Dead (not merely lacking a scope): the character's token-dependent sections must stop.
  const tokenInvalid = error instanceof EsiTokenInvalidError || error instanceof EsiNoTokenError;
  await deps.db.sectionUpdateStatus.update({
    where: statusKey(characterId, section.name),
    data: {
      isSuccess: false,
      errorMessage: message.slice(0, 1000),
      isTokenError: tokenError,
      finishedAt: deps.now?.() ?? new Date(),
    },
  });
  // A rate limit is for the caller's retry policy (Inngest's RetryAfterError); the status is recorded either way.
  // Other failures end here: the next scheduled run finds the section stale (its last run failed).
  if (error instanceof EsiRateLimitedError) throw error;
  return { section: section.name, status: "failed", error: message, tokenError, tokenInvalid };
}

// Staged rows are JSON with bigints tagged, so ids above 2^53 survive the round trip.
const stringifyRows = (rows: unknown[]) =>
  JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? { $bigint: v.toString() } : v));
const parseRows = (payload: string): any[] =>
  JSON.parse(payload, (_, v) =>
    v && typeof v === "object" && typeof v.$bigint === "string" && Object.keys(v).length === 1 ? BigInt(v.$bigint) : v,
  );

async function stageRows(
  db: Db,
  characterId: number,
  section: string,
  rows: unknown[],
  chunkSize: number,
): Promise<number> {
  const size = Math.max(1, chunkSize);
  const chunks = Math.max(1, Math.ceil(rows.length / size));
  await db.$transaction(async (tx) => {
    await tx.sectionStagedChunk.deleteMany({ where: { characterId, section } });
    for (let index = 0; index < chunks; index++) {
      await tx.sectionStagedChunk.create({
        data: { characterId, section, index, payload: stringifyRows(rows.slice(index * size, (index + 1) * size)) },
      });
    }
  });
  return chunks;
}

/**
 * The retention purge (MEMBERAUDIT_DATA_RETENTION_LIMIT) belongs to the engine, not to
 * each section's persist: it runs after every successful run, so data ages out even
 * while ESI keeps answering 304. A no-op DELETE writes no row.
 */
/** The ESI cache state a successful run leaves, and the content hash when the data was stored. */
interface SuccessState {
  etag: string | null;
  cacheExpiresAt: Date | null;
  contentHash?: string;
}

/** Every successful run ends here: the retention purge (304s included), then the status row. */
async function recordSuccess(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  now: Date,
  settings: SectionSettings,
  state: SuccessState,
): Promise<{ purged?: number }> {
  const purged = await purgeExpired(deps, characterId, section, now, settings);
  await deps.db.sectionUpdateStatus.update({
    where: statusKey(characterId, section.name),
    data: {
      isSuccess: true,
      errorMessage: null,
      isTokenError: false,
      finishedAt: deps.now?.() ?? new Date(),
      ...state,
    },
  });
  return purged;
}

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
async function resolveReported(
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
    console.warn(
      `name/location resolution for character ${characterId} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
