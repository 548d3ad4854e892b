// Building one topic's file in steps (docs/exports.md, "Building"): `startExportBuild`
// writes the zip's header, each `writeExportChunk` reads the next page of rows after
// the cursor and appends one deflated piece, `finishExportBuild` writes the trailer and
// makes the file the topic's one complete file. Each returns the state the next needs
// (JSON: a step memo holds it), so Inngest and the embedded runner resume after the
// last finished step, and a step run twice rewrites its own chunk row (same seq).
import { csvLine } from "~/server/csv/fields";
import { Prisma } from "@prisma/client";
import { type Db, sqlPoolOf } from "~/server/db/client";
import { notify } from "~/server/notifications/notify";
import { retentionCutoff } from "~/server/sections/retention";
import type { ExportPage, ExportTopic, TopicContext, TopicCursor } from "./topic";
import { exportTopic } from "./topics";
import { emptyZipEntry, type ZipEntryState, zipDeflatePiece, zipLocalHeader, zipTrailer } from "./zip";

export interface BuildState {
  fileId: string;
  topic: string;
  /** The next chunk row's number. */
  seq: number;
  cursor: TopicCursor;
  zip: ZipEntryState;
  headerLength: number;
  rowsWritten: number;
  bytes: number;
  done: boolean;
  /** The entry's time in the zip (ISO), the same in every step. */
  at: string;
  /** The retention cutoff (ISO), fixed at the start so every page agrees with the count. */
  cutoff: string;
}

const contextOf = (db: Db, state: BuildState): TopicContext => ({ db, retentionCutoff: new Date(state.cutoff) });

export const entryName = (topic: string) => `memberaudit_${topic}.csv`;

// Through the pool, not $executeRaw: Prisma kept about a megabyte per call of a bytea
// parameter (heap after GC grew by each chunk written), the pool keeps nothing.
async function writeChunk(db: Db, fileId: string, seq: number, data: Buffer): Promise<void> {
  const query = Prisma.sql`
    INSERT INTO export_file_chunk ("fileId", seq, data) VALUES (${fileId}::uuid, ${seq}, ${data})
    ON CONFLICT ("fileId", seq) DO UPDATE SET data = EXCLUDED.data`;
  await sqlPoolOf(db).query(query.text, query.values);
}

/** Rows read per query inside a step: a step's rows are never all in memory at once. */
const PAGE_ROWS = 2000;

/** The page's rows as CSV lines, the columns picked from the SELECT's fields by name. */
function csvText(topic: ExportTopic, page: ExportPage): string {
  const at = topic.columns.map((c) => {
    const index = page.fields.indexOf(c.field);
    if (index < 0) throw new Error(`export topic ${topic.name}: no field ${c.field}`);
    return index;
  });
  let text = "";
  for (const row of page.rows) text += csvLine(at.map((i) => row[i]));
  return text;
}

/** Counts the rows and writes the zip's local header and the CSV header line; null if the file is gone. */
export async function startExportBuild(
  db: Db,
  fileId: string,
  options: { now: Date; retentionDays: number },
): Promise<BuildState | null> {
  const { now } = options;
  const ctx: TopicContext = { db, retentionCutoff: retentionCutoff(now, options.retentionDays) };
  const file = await ctx.db.exportFile.findUnique({ where: { id: fileId } });
  if (!file || file.status !== "building") return null;
  const topic = exportTopic(file.topic);
  const rowsExpected = await topic.count(ctx);
  const header = zipLocalHeader(entryName(topic.name), now);
  const first = zipDeflatePiece(emptyZipEntry(), Buffer.from(`\uFEFF${csvLine(topic.columns.map((c) => c.header))}`));
  const data = Buffer.concat([header, first.bytes]);
  await writeChunk(ctx.db, fileId, 0, data);
  await ctx.db.exportFile.update({
    where: { id: fileId },
    data: { rowsExpected, rowsWritten: 0, bytes: data.length, updatedAt: new Date() },
  });
  return {
    fileId,
    topic: topic.name,
    seq: 1,
    cursor: null,
    zip: first.state,
    headerLength: header.length,
    rowsWritten: 0,
    bytes: data.length,
    done: false,
    at: now.toISOString(),
    cutoff: ctx.retentionCutoff.toISOString(),
  };
}

/** Appends the next `limit` rows after the cursor as one chunk row, read and deflated a page at a time. */
export async function writeExportChunk(db: Db, state: BuildState, limit: number): Promise<BuildState> {
  const ctx = contextOf(db, state);
  const topic = exportTopic(state.topic);
  const pieces: Buffer[] = [];
  let { zip, cursor } = state;
  let rows = 0;
  let done = false;
  while (rows < limit && !done) {
    const size = Math.min(PAGE_ROWS, limit - rows);
    const page = await topic.page(ctx, cursor, size);
    const piece = zipDeflatePiece(zip, Buffer.from(csvText(topic, page), "utf8"));
    pieces.push(piece.bytes);
    zip = piece.state;
    rows += page.rows.length;
    cursor = page.next;
    done = page.next === null;
  }
  const bytes = Buffer.concat(pieces);
  await writeChunk(db, state.fileId, state.seq, bytes);
  const after = {
    ...state,
    seq: state.seq + 1,
    cursor,
    zip,
    rowsWritten: state.rowsWritten + rows,
    bytes: state.bytes + bytes.length,
    done,
  };
  await ctx.db.exportFile.updateMany({
    where: { id: state.fileId, status: "building" },
    data: { rowsWritten: after.rowsWritten, bytes: after.bytes, updatedAt: new Date() },
  });
  return after;
}

/**
 * Writes the trailer, then in one transaction: the file becomes complete, every other
 * file of the topic (the previous one, abandoned builds) goes, and whoever pressed
 * Build now is told. Until that commit downloads keep getting the previous file.
 */
export async function finishExportBuild(db: Db, state: BuildState, now: Date): Promise<{ completed: boolean }> {
  const trailer = zipTrailer(entryName(state.topic), new Date(state.at), state.zip, state.headerLength);
  await writeChunk(db, state.fileId, state.seq, trailer);
  return db.$transaction(async (tx) => {
    const done = await tx.exportFile.updateMany({
      where: { id: state.fileId, status: "building" },
      data: {
        status: "complete",
        completedAt: now,
        updatedAt: now,
        rowsWritten: state.rowsWritten,
        bytes: state.bytes + trailer.length,
      },
    });
    if (done.count === 0) return { completed: false };
    // Only one build of a topic runs at a time (requests.ts), so any other row is the old file or an abandoned build.
    await tx.exportFile.deleteMany({ where: { topic: state.topic, id: { not: state.fileId } } });
    const file = await tx.exportFile.findUniqueOrThrow({ where: { id: state.fileId } });
    if (file.requestedById) {
      const topic = exportTopic(state.topic);
      await notify(
        tx,
        [file.requestedById],
        {
          event: "export_finished",
          level: "success",
          title: `Export finished: ${topic.title}`,
          message: `${state.rowsWritten.toLocaleString("en")} rows are ready to download on the exports page.`,
          dedupeKey: `export-finished:${state.fileId}`,
        },
        now,
      );
    }
    return { completed: true };
  });
}

/** Deletes a build that cannot finish (its topic vanished, its steps failed for good); the previous file stays. */
export async function abandonExportBuild(db: Db, fileId: string): Promise<void> {
  await db.exportFile.deleteMany({ where: { id: fileId, status: "building" } });
}
