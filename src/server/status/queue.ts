// The embedded runner's queue as pg-boss keeps it (schema `pgboss`, table `job`, one row
// per run; docs/jobs.md): per job function the runs waiting, delayed, running, retrying
// and failed, the oldest waiting run's age, and the last failures with their reason.
// Read straight from pg-boss's tables, so every process's runs are counted, not this
// process's alone; pg-boss's own internal queues (`__pgboss__…`) are left out. Under
// Inngest the queue is Inngest's (docs/status.md), and readRunRecords reads what the app
// recorded of its runs (job_run_records).
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

/** A run with no call for this long is not counted as running (Inngest cancelled it, or lost it). */
export const RUN_SEEN_MINUTES = 60;

/** Per job function, the app's own records of its runs under Inngest (src/server/jobs/run-records.ts). */
export interface RunRecordFunction {
  name: string;
  running: number;
  retrying: number;
  completed24h: number;
  failed24h: number;
  lastEndedAt: Date | null;
}

export interface RunRecordsView {
  functions: RunRecordFunction[];
  failures: QueueFailure[];
}

/** Under Inngest: what the app recorded of the runs, per function, and the last failed or retrying ones. */
export async function readRunRecords(db: Db, now: Date): Promise<RunRecordsView> {
  const seen = new Date(now.getTime() - RUN_SEEN_MINUTES * 60_000);
  const day = new Date(now.getTime() - 86_400_000);
  const functions = await db.$queryRaw<RunRecordFunction[]>`
    SELECT function AS name,
      count(*) FILTER (WHERE state = 'running' AND updated_at > ${seen}::timestamptz)::int AS running,
      count(*) FILTER (WHERE state = 'retrying')::int AS retrying,
      count(*) FILTER (WHERE state = 'completed' AND finished_at > ${day}::timestamptz)::int AS "completed24h",
      count(*) FILTER (WHERE state = 'failed' AND finished_at > ${day}::timestamptz)::int AS "failed24h",
      max(finished_at) AS "lastEndedAt"
    FROM job_run_records
    GROUP BY function
    ORDER BY function`;
  const failures = await db.$queryRaw<(Omit<QueueFailure, "reason"> & { message: string | null })[]>`
    SELECT run_id AS id, function AS name, state, attempts, updated_at AS at, error AS message
    FROM job_run_records
    WHERE state IN ('failed', 'retrying')
    ORDER BY updated_at DESC
    LIMIT ${FAILURES_SHOWN}`;
  return { functions, failures: failures.map(({ message, ...f }) => ({ ...f, reason: publicReason(message) })) };
}
