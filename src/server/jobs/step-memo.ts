// What each finished step of a run returned, kept in `job_step_results` so a retry or a
// restart of the run (another attempt of the same pg-boss job) skips the steps already
// done, as Inngest's memoised steps do. Removed when the run ends.
import type { Db } from "~/server/db/client";
import type { JobEventPayload, JobStep } from "./job";

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

/**
 * Thrown by a step the run may not start because its process is stopping: the steps done
 * so far are kept, and the run goes back to the queue to go on from there in another
 * process (the embedded runner's graceful stop).
 */
export class RunStoppedError extends Error {
  constructor() {
    super("the process is stopping: the run goes back to the queue");
    this.name = "RunStoppedError";
  }
}

/**
 * The step tools a run's handler gets: each step's result taken from `memo` when done before, else run and
 * stored; once `stopping()` says so, a step not done before throws RunStoppedError instead of starting.
 */
export function memoisedSteps(
  store: StepMemo,
  runId: string,
  memo: Map<string, unknown>,
  send: (events: JobEventPayload | JobEventPayload[]) => Promise<void>,
  stopping: () => boolean = () => false,
): JobStep {
  const usedIds = new Map<string, number>();
  // Inngest gives repeated step ids a counter suffix; so do we, so memo keys stay distinct.
  const uniqueId = (id: string) => {
    const n = usedIds.get(id) ?? 0;
    usedIds.set(id, n + 1);
    return n === 0 ? id : `${id}:${n}`;
  };
  const run = async <T>(rawId: string, fn: () => Promise<T> | T): Promise<T> => {
    const id = uniqueId(rawId);
    if (memo.has(id)) return memo.get(id) as T;
    if (stopping()) throw new RunStoppedError();
    const result = await fn();
    // Inngest stores step results as JSON; round-trip so handlers see the same shapes here.
    const stored = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
    await store.save(runId, id, stored);
    memo.set(id, stored);
    return stored as T;
  };
  return {
    run,
    sendEvent: (id, events) => run(id, () => send(events)),
  };
}
