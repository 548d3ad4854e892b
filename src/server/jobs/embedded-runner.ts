// Runs job handlers in-process when no Inngest server is configured (single-machine
// installs, the demo). Small on purpose: a queue, a global concurrency limit, one
// run at a time per concurrency key, steps memoised across retries with
// exponential backoff, cron schedules on timers (a schedule whose previous run is
// still queued or running skips that tick). No durable state: runs queued at shutdown are lost and the
// schedules that created them will create them again.
import { CronExpressionParser } from "cron-parser";
import {
  isCronTrigger,
  isNonRetriable,
  retryAfterMs,
  type JobDefinition,
  type JobEventPayload,
  type JobStep,
  SCHEDULED_EVENT,
} from "./job";

interface QueuedRun {
  job: JobDefinition<any>;
  event: { name: string; data: any };
  key: string | undefined;
}

export interface RunnerOptions {
  maxConcurrency?: number;
  /** Delay before retry number `attempt` (1-based). */
  retryDelayMs?: (attempt: number) => number;
  log?: (line: string) => void;
}

export interface RunOutcome {
  jobId: string;
  status: "completed" | "failed";
  attempts: number;
  error?: string;
}

const defaultDelay = (attempt: number) => Math.min(60_000, 1000 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);

export class EmbeddedRunner {
  private readonly queue: QueuedRun[] = [];
  private readonly activeKeys = new Set<string>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly seenEventIds = new Map<string, number>();
  private running = 0;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly outcomes: RunOutcome[] = [];

  constructor(
    private readonly jobs: JobDefinition<any>[],
    private readonly options: RunnerOptions = {},
  ) {}

  /** Validates and queues events; each starts one run per job triggered by its name. */
  async send(events: JobEventPayload | JobEventPayload[]): Promise<void> {
    for (const event of Array.isArray(events) ? events : [events]) {
      if (event.id && this.isDuplicate(event.id)) continue;
      for (const job of this.jobs) {
        if (isCronTrigger(job.trigger) || job.trigger.name !== event.name) continue;
        const data = job.trigger.schema.parse(event.data);
        const key = job.concurrencyKeyField
          ? `${job.id}:${String((data as Record<string, unknown>)[job.concurrencyKeyField])}`
          : undefined;
        this.queue.push({ job, event: { name: event.name, data }, key });
      }
    }
    this.pump();
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Starts the cron schedules. */
  start(): void {
    for (const job of this.jobs) {
      const trigger = job.trigger;
      if (isCronTrigger(trigger)) this.schedule(job, trigger.cron);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queue.length = 0;
    await this.idle();
  }

  private schedule(job: JobDefinition<any>, cron: string): void {
    if (this.stopped) return;
    const next = CronExpressionParser.parse(cron, { currentDate: new Date(), tz: "UTC" }).next().getTime();
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        const key = `${job.id}:cron`;
        const busy = this.activeKeys.has(key) || this.queue.some((r) => r.key === key);
        if (!busy) {
          this.queue.push({ job, event: { name: SCHEDULED_EVENT, data: {} }, key });
          this.pump();
        }
        this.schedule(job, cron);
      },
      Math.max(0, next - Date.now()),
    );
    timer.unref();
    this.timers.add(timer);
  }

  private isDuplicate(id: string): boolean {
    const now = Date.now();
    const seen = this.seenEventIds.get(id);
    this.seenEventIds.set(id, now);
    return seen !== undefined && now - seen < 24 * 3600_000;
  }

  private pump(): void {
    const max = this.options.maxConcurrency ?? 2;
    while (!this.stopped && this.running < max) {
      const index = this.queue.findIndex((r) => !r.key || !this.activeKeys.has(r.key));
      if (index < 0) break;
      const [run] = this.queue.splice(index, 1);
      void this.execute(run!);
    }
    if (this.running === 0 && this.queue.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async execute(run: QueuedRun): Promise<void> {
    this.running += 1;
    if (run.key) this.activeKeys.add(run.key);
    const memo = new Map<string, unknown>();
    let attempt = 0;
    try {
      for (;;) {
        try {
          await run.job.handler({ event: run.event, step: this.stepTools(memo), attempt });
          this.outcomes.push({ jobId: run.job.id, status: "completed", attempts: attempt + 1 });
          return;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (this.stopped || isNonRetriable(error) || attempt >= run.job.retries) {
            this.outcomes.push({ jobId: run.job.id, status: "failed", attempts: attempt + 1, error: message });
            this.options.log?.(`job ${run.job.id} failed after ${attempt + 1} attempt(s): ${message}`);
            return;
          }
          attempt += 1;
          await new Promise((resolve) =>
            setTimeout(resolve, retryAfterMs(error) ?? (this.options.retryDelayMs ?? defaultDelay)(attempt)),
          );
        }
      }
    } finally {
      this.running -= 1;
      if (run.key) this.activeKeys.delete(run.key);
      this.pump();
    }
  }

  private stepTools(memo: Map<string, unknown>): JobStep {
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
      const result = await fn();
      // Inngest stores step results as JSON; round-trip so handlers see the same shapes here.
      const stored = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
      memo.set(id, stored);
      return stored as T;
    };
    return {
      run,
      sendEvent: (id, events) => run(id, () => this.send(events)),
    };
  }
}
