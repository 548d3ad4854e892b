// A large section (assets) is written in chunks: its rows wait in SectionStagedChunk
// between the parts of a run, so each part is one bounded transaction and, under
// Inngest, one step whose result is a count, never the rows.
import type { Db } from "~/server/db/client";
import type { SectionDefinition, SectionSettings } from "~/server/sections/types";
import {
  type FailedRun,
  recordFailure,
  recordSuccess,
  resolveReported,
  type SectionRunOutcome,
  type UpdateDeps,
} from "./run-record";

/** A chunked section's data waits in SectionStagedChunk; this is all the later steps need. */
export interface StagedUpdate {
  section: string;
  status: "staged";
  chunks: number;
  contentHash: string;
  etag: string | null;
  /** ISO, so the state survives a step boundary as JSON. */
  expiresAt: string | null;
  /** Noted during the fetch, recorded when the run finishes. */
  warnings?: string[];
  failedParts?: string[];
}

// Staged rows are JSON with bigints tagged, so ids above 2^53 survive the round trip.
const stringifyRows = (rows: unknown[]) =>
  JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? { $bigint: v.toString() } : v));
const parseRows = (payload: string): any[] =>
  JSON.parse(payload, (_, v) =>
    v && typeof v === "object" && typeof v.$bigint === "string" && Object.keys(v).length === 1 ? BigInt(v.$bigint) : v,
  );

export async function stageRows(
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

/** One chunk of a staged section, in its own transaction. */
export async function writeStagedChunk(
  deps: UpdateDeps,
  characterId: number,
  section: SectionDefinition<any>,
  index: number,
  options: { settings: SectionSettings },
): Promise<{ section: string; status: "written"; written: number } | FailedRun> {
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
    const purged = await recordSuccess(
      deps,
      characterId,
      section,
      now,
      options.settings,
      {
        etag: staged.etag,
        cacheExpiresAt: staged.expiresAt === null ? null : new Date(staged.expiresAt),
        contentHash: staged.contentHash,
      },
      { warnings: staged.warnings ?? [], failedParts: staged.failedParts ?? [] },
    );
    return { section: section.name, status: "updated", written: written + removed, ...purged };
  } catch (error) {
    return recordFailure(deps, characterId, section, error);
  }
}

function requireChunked(section: SectionDefinition<any>) {
  if (!section.chunked) throw new Error(`section ${section.name} is not written in chunks`);
  return section.chunked;
}
