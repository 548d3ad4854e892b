// The app's own records of job runs under Inngest (table job_run_records): Inngest keeps
// the runs, their steps and retries; these rows are what this app saw of them, so
// /admin/status can show per function what is running, retrying and failing without
// Inngest's API (src/server/status/queue.ts reads them). inngest/functions.ts writes
// them: `runCalled` when a call of a run starts (a no-op unless the run is new or a new
// attempt began), `runEnded` when an attempt ends. The embedded runner needs none: its
// queue is in the database already (pg-boss).
import type { Db } from "~/server/db/client";

export type RunState = "running" | "retrying" | "completed" | "failed";
export type RunOutcome = Exclude<RunState, "running">;

/** Rows of runs that ended longer ago than this are removed as new runs end. */
export const RUN_RECORD_DAYS = 7;
const ERROR_CHARS = 500;

export interface RunRecorder {
  runCalled(run: { runId: string; fn: string; attempt: number }): Promise<void>;
  runEnded(run: { runId: string; fn: string; attempt: number; outcome: RunOutcome; error?: unknown }): Promise<void>;
}

function errorText(error: unknown): string | null {
  if (error === undefined || error === null) return null;
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, ERROR_CHARS);
}

export function runRecorder(db: () => Db, now: () => Date = () => new Date()): RunRecorder {
  return {
    async runCalled({ runId, fn, attempt }) {
      const at = now();
      // Most calls of a run find its row running at this attempt already and write nothing.
      await db().$executeRaw`
        INSERT INTO job_run_records (run_id, function, state, attempts, started_at, updated_at)
        VALUES (${runId}, ${fn}, 'running', ${attempt + 1}, ${at}, ${at})
        ON CONFLICT (run_id) DO UPDATE
          SET state = 'running', attempts = EXCLUDED.attempts, updated_at = EXCLUDED.updated_at
          WHERE job_run_records.state IN ('running', 'retrying')
            AND (job_run_records.state <> 'running' OR job_run_records.attempts < EXCLUDED.attempts)`;
    },
    async runEnded({ runId, fn, attempt, outcome, error }) {
      const at = now();
      const finished = outcome === "retrying" ? null : at;
      await db().$executeRaw`
        INSERT INTO job_run_records (run_id, function, state, attempts, error, started_at, updated_at, finished_at)
        VALUES (${runId}, ${fn}, ${outcome}, ${attempt + 1}, ${errorText(error)}, ${at}, ${at}, ${finished})
        ON CONFLICT (run_id) DO UPDATE
          SET state = EXCLUDED.state, attempts = GREATEST(job_run_records.attempts, EXCLUDED.attempts),
              error = EXCLUDED.error, updated_at = EXCLUDED.updated_at, finished_at = EXCLUDED.finished_at`;
      if (finished) {
        const before = new Date(at.getTime() - RUN_RECORD_DAYS * 86_400_000);
        await db().$executeRaw`DELETE FROM job_run_records WHERE finished_at < ${before}`;
      }
    },
  };
}
