// The embedded runner's queue as pg-boss keeps it (schema `pgboss`, table `job`, one row
// per run; docs/jobs.md): per job function the runs waiting, delayed, running, retrying
// and failed, the oldest waiting run's age, and the last failures with their reason.
// Read straight from pg-boss's tables, so every process's runs are counted, not this
// process's alone; pg-boss's own internal queues (`__pgboss__…`) are left out. Under
// Inngest the queue is Inngest's (docs/status.md).
import type { Db } from "~/server/db/client";
import { publicReason } from "./reason";

export const FAILURES_SHOWN = 100;

export interface QueueFunction {
  name: string;
  waiting: number;
  /** Queued with a later start (a RetryLaterError's time, a delayed send). */
  delayed: number;
  running: number;
  retrying: number;
  failed: number;
  oldestWaitingSeconds: number | null;
}

export interface QueueFailure {
  id: string;
  name: string;
  /** "failed": retries spent; "retry": waiting for its next attempt; "cancelled": ended without retries. */
  state: string;
  attempts: number;
  at: Date;
  reason: string;
}

export interface QueueView {
  available: boolean;
  functions: QueueFunction[];
  failures: QueueFailure[];
}

export async function readQueue(db: Db, now: Date): Promise<QueueView> {
  const [probe] = await db.$queryRaw<{ installed: boolean }[]>`
    SELECT to_regclass('pgboss.job') IS NOT NULL AND to_regclass('pgboss.queue') IS NOT NULL AS installed`;
  if (!probe?.installed) return { available: false, functions: [], failures: [] };
  const functions = await db.$queryRaw<QueueFunction[]>`
    SELECT q.name,
      count(j.id) FILTER (WHERE j.state = 'created' AND j.start_after <= ${now}::timestamptz)::int AS waiting,
      count(j.id) FILTER (WHERE j.state = 'created' AND j.start_after > ${now}::timestamptz)::int AS delayed,
      count(j.id) FILTER (WHERE j.state = 'active')::int AS running,
      count(j.id) FILTER (WHERE j.state = 'retry')::int AS retrying,
      count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed,
      floor(extract(epoch FROM ${now}::timestamptz - min(j.created_on)
        FILTER (WHERE j.state = 'created' AND j.start_after <= ${now}::timestamptz)))::int AS "oldestWaitingSeconds"
    FROM pgboss.queue q
    LEFT JOIN pgboss.job j ON j.name = q.name AND (j.state < 'completed' OR j.state = 'failed')
    WHERE NOT starts_with(q.name, '__pgboss__')
    GROUP BY q.name
    ORDER BY q.name`;
  const failures = await db.$queryRaw<(Omit<QueueFailure, "reason"> & { message: string | null })[]>`
    SELECT id::text AS id, name, state::text AS state, retry_count + 1 AS attempts,
      COALESCE(completed_on, started_on, created_on) AS at, output->>'message' AS message
    FROM pgboss.job
    WHERE (state IN ('failed', 'retry') OR (state = 'cancelled' AND output ? 'message'))
      AND NOT starts_with(name, '__pgboss__')
    ORDER BY COALESCE(completed_on, started_on, created_on) DESC
    LIMIT ${FAILURES_SHOWN}`;
  return {
    available: true,
    functions,
    failures: failures.map(({ message, ...f }) => ({ ...f, reason: publicReason(message) })),
  };
}
