// A build run in the calling process, step after step, for the CLI (`memberaudit
// export`): the same functions the job's steps call, with progress after each chunk.
import type { Db } from "~/server/db/client";
import { abandonExportBuild, finishExportBuild, startExportBuild, writeExportChunk } from "./build";
import { downloadFileName, exportFileChunks } from "./download";
import { createExportBuild, type ExportSettings } from "./requests";

export async function buildExportInline(
  db: Db,
  topic: string,
  settings: ExportSettings & { retentionDays: number },
  onProgress: (written: number, expected: number) => void,
): Promise<{ rows: number }> {
  const { fileId } = await createExportBuild(db, {
    topic,
    userId: null,
    now: new Date(),
    minUpdateAgeMinutes: settings.minUpdateAgeMinutes,
  });
  try {
    let state = await startExportBuild(db, fileId, { now: new Date(), retentionDays: settings.retentionDays });
    if (!state) throw new Error(`export file of ${topic} vanished`);
    const expected = (await db.exportFile.findUniqueOrThrow({ where: { id: fileId } })).rowsExpected;
    onProgress(0, expected);
    while (!state.done) {
      state = await writeExportChunk(db, state, settings.chunkRows);
      onProgress(state.rowsWritten, expected);
    }
    await finishExportBuild(db, state, new Date());
    return { rows: state.rowsWritten };
  } catch (error) {
    await abandonExportBuild(db, fileId);
    throw error;
  }
}

/** The topic's complete file, chunk by chunk, and its download name; null when there is none. */
export async function completeExportFile(
  db: Db,
  topic: string,
): Promise<{ fileName: string; chunks: AsyncIterable<Uint8Array> } | null> {
  const file = await db.exportFile.findFirst({
    where: { topic, status: "complete" },
    orderBy: { completedAt: "desc" },
  });
  if (!file?.completedAt) return null;
  return { fileName: downloadFileName(topic, file.completedAt), chunks: exportFileChunks(db, file.id) };
}
