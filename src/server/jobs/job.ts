// A background job, declared once and driven two ways: as an Inngest function
// (inngest/index.ts) when an Inngest server is configured, or by the embedded
// runner on a single machine. Handlers use only the step tools both provide.
import type { z } from "zod";

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

export interface JobEventType<TData> {
  name: string;
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

export function defineEvent<TData>(name: string, schema: z.ZodType<TData>): JobEventType<TData> {
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

/** Errors that retrying cannot fix (Inngest's NonRetriableError, matched by name so domain code needs no SDK). */
export function isNonRetriable(error: unknown): boolean {
  return error instanceof Error && error.name === "NonRetriableError";
}
