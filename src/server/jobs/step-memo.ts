// What each finished step of a run returned, kept in `job_step_results` so a retry or a
// restart of the run (another attempt of the same pg-boss job) skips the steps already
// done, as Inngest's memoised steps do. Removed when the run ends.
import type { Db } from "~/server/db/client";

export interface StepMemo {
  load(runId: string): Promise<Map<string, unknown>>;
  save(runId: string, stepId: string, result: unknown): Promise<void>;
  clear(runId: string): Promise<void>;
}

export function stepMemo(db: Db): StepMemo {
  return {
    async load(runId) {
      const rows = await db.jobStepResult.findMany({ where: { runId }, select: { stepId: true, result: true } });
      // Stored wrapped ({ v }), so a step that returned null stays null and one that returned nothing stays undefined.
      return new Map(rows.map((r) => [r.stepId, (r.result as { v?: unknown } | null)?.v]));
    },
    async save(runId, stepId, result) {
      // A second attempt of the same step (a run taken again after a lost heartbeat) keeps the first result.
      await db.jobStepResult.createMany({
        data: [{ runId, stepId, result: result === undefined ? {} : { v: result as never } }],
        skipDuplicates: true,
      });
    },
    async clear(runId) {
      await db.jobStepResult.deleteMany({ where: { runId } });
    },
  };
}
