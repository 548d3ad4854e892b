// Driving the build-export job in-process as both drivers do: step results memoised
// by id (a retry of the run skips the finished steps), and a way to make the run die
// before a given step, as a killed process would.
import type { Db } from "~/server/db/client";
import { buildExportJob } from "~/server/jobs/definitions/exports";
import type { JobEventPayload } from "~/server/jobs/job";
import { DEFAULT_EXPORT_SETTINGS } from "~/server/exports/requests";

export class StepsInterrupted extends Error {}

export interface ExportRun {
  /** Runs the job for the event; `dieBefore` names a step id at which the run stops. Returns what the job returned. */
  run(event: JobEventPayload, options?: { dieBefore?: string }): Promise<unknown>;
  /** Step ids that actually ran (not replayed from the memo), in order. */
  ran: string[];
  memo: Map<string, unknown>;
}

export function exportRunner(db: Db, chunkRows: number, retentionDays = 360): ExportRun {
  const job = buildExportJob(() => ({ db }), { exports: { ...DEFAULT_EXPORT_SETTINGS, chunkRows }, retentionDays });
  const memo = new Map<string, unknown>();
  const ran: string[] = [];
  return {
    memo,
    ran,
    async run(event, options = {}) {
      return job.handler({
        event: { name: event.name, data: event.data as never },
        attempt: 0,
        step: {
          async run<T>(id: string, fn: () => Promise<T> | T): Promise<T> {
            if (memo.has(id)) return memo.get(id) as T;
            if (options.dieBefore === id) throw new StepsInterrupted(`died before ${id}`);
            ran.push(id);
            const result = JSON.parse(JSON.stringify((await fn()) ?? null));
            memo.set(id, result);
            return result as T;
          },
          sendEvent: async () => undefined,
        },
      });
    },
  };
}

/** The topic's complete file as stored, chunk rows in order; null when there is none. */
export async function storedExportFile(db: Db, topic: string): Promise<Buffer | null> {
  const file = await db.exportFile.findFirst({ where: { topic, status: "complete" } });
  if (!file) return null;
  const chunks = await db.exportFileChunk.findMany({ where: { fileId: file.id }, orderBy: { seq: "asc" } });
  return Buffer.concat(chunks.map((c) => Buffer.from(c.data)));
}
