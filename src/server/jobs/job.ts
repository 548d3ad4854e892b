// A background job, declared once and driven two ways (docs/architecture.md, "Jobs"):
// as an Inngest function (inngest/functions.ts) when an Inngest server is configured,
// or by the embedded runner (./embedded-runner.ts) on a single machine. Handlers use
// only the step tools both provide, and end a run early with the two errors below,
// which each driver turns into its own.
import type { z } from "zod";

/**
 * Who waits for a run: a person (registration, "update now", a skill-set recompute, a
 * share) or nobody (the periodic backlog). Events carry it in `data.priority`, absent
 * meaning "user", so both drivers read it where Inngest's priority expression can.
 */
export const JOB_PRIORITIES = ["user", "backlog"] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

export const BACKLOG_RANK = 0;
const USER_RANK = 10;

/** The event's priority as a number, higher first (pg-boss's order; Inngest's expression in inngest/functions.ts). */
export function priorityRank(data: unknown): number {
  const priority = (data as { priority?: unknown } | null)?.priority;
  return priority === "backlog" ? BACKLOG_RANK : USER_RANK;
}

export interface JobEventPayload<TData = Record<string, unknown>> {
  name: string;
  data: TData;
  /** Events with the same id within 24 h trigger one run (Inngest's event dedupe). */
  id?: string;
}

export interface JobStep {
  /** Runs `fn` once; on a retry of the run the memoised (JSON round-tripped) result is returned. */
  run<T>(id: string, fn: () => Promise<T> | T): Promise<T>;
  sendEvent(id: string, events: JobEventPayload | JobEventPayload[]): Promise<unknown>;
}

export interface JobContext<TData> {
  event: { name: string; data: TData };
  step: JobStep;
  attempt: number;
}

export interface JobEventType<TData, TName extends string = string> {
  name: TName;
  schema: z.ZodType<TData>;
}

/** A schedule in cron syntax, evaluated in UTC (every 15 minutes is "0,15,30,45 * * * *" or the step form). */
export interface CronTrigger {
  cron: string;
}

export interface JobDefinition<TData = unknown> {
  id: string;
  trigger: JobEventType<TData> | CronTrigger;
  /** Retries after the first attempt (Inngest's `retries`). */
  retries: number;
  /** At most one run at a time per value of this event field (Inngest concurrency key `event.data.<field>`). */
  concurrencyKeyField?: keyof TData & string;
  handler(ctx: JobContext<TData>): Promise<unknown>;
}

export function defineEvent<TData, const TName extends string>(
  name: TName,
  schema: z.ZodType<TData>,
): JobEventType<TData, TName> {
  return { name, schema };
}

export function defineJob<TData>(job: JobDefinition<TData>): JobDefinition<TData> {
  return job;
}

export function isCronTrigger(trigger: JobEventType<unknown> | CronTrigger): trigger is CronTrigger {
  return "cron" in trigger;
}

/** The event a scheduled run receives (Inngest's name for it). */
export const SCHEDULED_EVENT = "inngest/scheduled.timer";

/** Ends the run for good: retrying cannot help (a dead token). Inngest's NonRetriableError. */
export class NonRetriableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NonRetriableError";
  }
}

/** Retry the step or run no sooner than `retryAt` (an ESI limit says when). Inngest's RetryAfterError. */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
    this.name = "RetryAfterError";
  }
}

export function isNonRetriable(error: unknown): boolean {
  return error instanceof Error && error.name === "NonRetriableError";
}

/** When a RetryLaterError (or Inngest's own RetryAfterError: seconds or a date) says to try again, in ms from now. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  if (error instanceof RetryLaterError) return Math.max(0, error.retryAt.getTime() - now);
  if (!(error instanceof Error) || error.name !== "RetryAfterError") return undefined;
  const value = String((error as Error & { retryAfter?: unknown }).retryAfter ?? "");
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
