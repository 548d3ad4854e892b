// GET /exports/<topic>/download: the topic's complete file, streamed a chunk row at a
// time (memory stays at one chunk whatever the file's size), after the download is
// recorded (who, which topic, when: export_download, for the audit log). Refusals:
// signed out 401, without exports_access 403, an unknown topic or no file yet 404.
import { recordAudit } from "~/server/audit/record";
import { mayUse } from "~/server/access/areas";
import type { Viewer } from "~/server/access/viewer";
import { Prisma } from "@prisma/client";
import { type Db, sqlPoolOf } from "~/server/db/client";
import { AppError, notFound } from "~/server/errors/app-error";
import { isExportTopic } from "./topics";

export const downloadFileName = (topic: string, completedAt: Date) =>
  `memberaudit_${topic}_${completedAt.toISOString().slice(0, 10)}.zip`;

/**
 * The file's bytes, one chunk row read at a time. A newer build may replace the file
 * meanwhile: its chunks then vanish and the bytes end short, which the zip's own
 * directory makes visible. No content-length: Next's compression of the answer would
 * contradict it (the walk in Chromium saw the connection reset).
 */
export async function* exportFileChunks(db: Db, fileId: string): AsyncGenerator<Uint8Array, void, undefined> {
  // Through the pool like the writes (build.ts): Prisma held on to the bytea values it passed.
  for (let seq = 0; ; seq++) {
    const query = Prisma.sql`SELECT data FROM export_file_chunk WHERE "fileId" = ${fileId}::uuid AND seq = ${seq}`;
    const { rows } = await sqlPoolOf(db).query(query.text, query.values);
    if (rows.length === 0) return;
    yield new Uint8Array(rows[0].data as Buffer);
  }
}

export async function exportDownloadResponse(
  db: Db,
  viewer: Viewer | null,
  userId: string | null,
  topic: string,
  address: string | null = null,
): Promise<Response> {
  if (!viewer || !userId) throw new AppError("UNAUTHORIZED", "Sign in first.");
  if (!mayUse(viewer, "exports")) throw new AppError("FORBIDDEN", "Not allowed here: exports.");
  if (!isExportTopic(topic)) throw notFound("Export topic");
  const file = await db.exportFile.findFirst({
    where: { topic, status: "complete" },
    orderBy: { completedAt: "desc" },
    select: { id: true, bytes: true, completedAt: true },
  });
  if (!file?.completedAt) throw notFound("Export file");
  await db.exportDownload.create({ data: { userId, topic, fileId: file.id } });
  recordAudit(db, { action: "export.download", actorUserId: userId, via: "session", detail: topic, address });

  const chunks = exportFileChunks(db, file.id);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${downloadFileName(topic, file.completedAt)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
