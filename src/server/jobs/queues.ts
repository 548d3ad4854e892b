// How each job definition becomes a pg-boss queue (docs/jobs.md): its policy, retries
// and lifetimes, and the job id an event id gives a run.
import { createHash } from "node:crypto";
import type { QueueOptions, QueuePolicy } from "pg-boss";
import { isCronTrigger, type JobDefinition } from "./job";

/** Completed runs are kept this long: the window in which a repeated event id is dropped (Inngest's is 24 h). */
const KEEP_COMPLETED_SECONDS = 24 * 3600;

export function queueFor(
  job: JobDefinition<any>,
  settings: { retryDelaySeconds: number; heartbeatSeconds: number },
): { policy: QueuePolicy; options: QueueOptions } {
  // A cron job's tick while its previous run is queued or running is dropped; a concurrency key allows one active run per value.
  const policy: QueuePolicy = isCronTrigger(job.trigger)
    ? "exclusive"
    : job.concurrencyKeyField
      ? "singleton"
      : "standard";
  const backoff = settings.retryDelaySeconds > 0;
  return {
    policy,
    options: {
      retryLimit: job.retries,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: backoff,
      ...(backoff ? { retryDelayMax: 60 } : {}),
      heartbeatSeconds: Math.max(10, settings.heartbeatSeconds),
      // Liveness is the heartbeat's; this only bounds a run that beats but never ends.
      expireInSeconds: 6 * 3600,
      deleteAfterSeconds: KEEP_COMPLETED_SECONDS,
    },
  };
}

/** pg-boss job ids are UUIDs: the same event id for the same job gives the same one, which the queue refuses twice. */
export function runIdFor(jobId: string, eventId: string): string {
  const h = createHash("sha256").update(`${jobId}\0${eventId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
