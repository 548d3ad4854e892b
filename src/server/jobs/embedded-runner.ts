// Runs the job handlers in this process when no Inngest server is configured (single-
// machine installs, the demo), with the queue kept in PostgreSQL by pg-boss: queued,
// delayed and retrying runs survive a restart or a crash, and every process on one
// database shares the queue (docs/jobs.md).
// - one pg-boss queue per job definition; a run is a pg-boss job, taken by one process;
// - at most `concurrency` runs at a time in this process (JOB_CONCURRENCY), taken in
//   turn from the queues, so a quick job need not wait behind a long backlog;
// - one run at a time per concurrency key across processes (a `singleton` queue keyed
//   by the field), priorities within a queue (user actions before the backlog), and one
//   slot the backlog may not take;
// - retries with exponential backoff, a RetryLaterError's own time, none after a
//   NonRetriableError; step results memoised in `job_step_results` (./step-memo.ts);
// - cron schedules fire once per tick across processes (pg-boss schedules), and a tick
//   while the previous run is still queued or running is dropped (`exclusive` queue);
// - an event id triggers one run per job (a job id derived from it).
// A crashed process's runs stay `active` until their heartbeat lapses, then run again.
// A stopping one (stop(), on SIGTERM) takes no more runs, lets each run in hand finish the
// step it is in and starts no other, and gives those runs back to the queue (restored, no
// attempt counted) to go on after their finished steps in the next process.
import { type Job, PgBoss } from "pg-boss";
import type { Db, SqlPool } from "~/server/db/client";
import { withLogContext } from "~/server/logging/context";
import { appMetrics } from "~/server/metrics/registry";
import {
  isCronTrigger,
  isNonRetriable,
  type JobDefinition,
  type JobEventPayload,
  BACKLOG_RANK,
  priorityRank,
  retryAfterMs,
  SCHEDULED_EVENT,
} from "./job";
import { queueFor, runIdFor } from "./queues";
import { memoisedSteps, RunStoppedError, type StepMemo, stepMemo } from "./step-memo";

export interface RunnerOptions {
  /** The app's database: the step memo's table. */
  db: Db;
  /** Plain SQL over the same pool (sqlPoolOf), for pg-boss: it holds no connection of its own. */
  sql: SqlPool;
  /** Runs at once in this process (JOB_CONCURRENCY). */
  concurrency?: number;
  /** How often an idle runner looks for work; a send from this process wakes it at once. */
  pollIntervalMs?: number;
  /** Base of the exponential retry delay, in seconds (pg-boss's retryDelay); 0 retries at once. */
  retryDelaySeconds?: number;
  /** A run whose process stops beating for this long is taken again (minimum 10). */
  heartbeatSeconds?: number;
  /** How often lapsed runs are looked for, and cron ticks are sent. */
  superviseIntervalSeconds?: number;
  log?: (line: string) => void;
}

export interface RunOutcome {
  jobId: string;
  /** released: given back to the queue by a stopping process, to go on in the next one. */
  status: "completed" | "failed" | "released";
  attempts: number;
  error?: string;
}

type AnyJob = JobDefinition<any>;
type Run = Job<Record<string, unknown>>;

/** What a stop did with the runs in hand: given back after their step, or still in a step at the deadline. */
export interface StopReport {
  released: number;
  abandoned: number;
}

const DEFAULTS = {
  concurrency: 2,
  pollIntervalMs: 1000,
  retryDelaySeconds: 1,
  heartbeatSeconds: 60,
  superviseIntervalSeconds: 30,
};
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class EmbeddedRunner {
  readonly outcomes: RunOutcome[] = [];
  private readonly boss: PgBoss;
  private readonly memo: StepMemo;
  private readonly settings: typeof DEFAULTS;
  private readonly workable: AnyJob[];
  private ready: Promise<void> | undefined;
  private working = false;
  private stopping = false;
  private running = 0;
  private runningBacklog = 0;
  private nudged = false;
  private cursor = 0;
  private wake: (() => void) | undefined;
  private loopDone: Promise<void> | undefined;
  private readonly inHand = new Map<string, { job: AnyJob; run: Run }>();
  /** Runs given back at the stop deadline while a step still ran: this process settles nothing of them. */
  private readonly abandoned = new Set<string>();

  constructor(
    private readonly jobs: AnyJob[],
    private readonly options: RunnerOptions,
  ) {
    this.settings = {
      ...DEFAULTS,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    } as typeof DEFAULTS;
    this.memo = stepMemo(options.db);
    this.workable = jobs;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => options.sql.query(text, values) },
      superviseIntervalSeconds: this.settings.superviseIntervalSeconds,
      monitorIntervalSeconds: this.settings.superviseIntervalSeconds,
      cronMonitorIntervalSeconds: Math.min(45, this.settings.superviseIntervalSeconds),
      cronWorkerIntervalSeconds: Math.min(5, this.settings.superviseIntervalSeconds),
      // Off: index rebuilds and the instance registry are for big shared servers, not the queue's correctness.
      reindex: false,
      registerInstance: false,
    });
    this.boss.on("error", (error) => options.log?.(`queue: ${messageOf(error)}`));
  }

  /** Installs or migrates the queue's schema and creates the queues; sending needs no more than this. */
  prepare(): Promise<void> {
    this.ready ??= (async () => {
      await this.boss.start();
      for (const job of this.jobs) {
        const { policy, options } = queueFor(job, this.settings);
        await this.boss.createQueue(job.id, { policy, ...options });
        await this.boss.updateQueue(job.id, options);
      }
    })();
    return this.ready;
  }

  /** Starts taking runs from the queues and sending the cron schedules' ticks. */
  async start(): Promise<void> {
    await this.prepare();
    if (this.working) return;
    this.working = true;
    await this.sweepMemo();
    await this.syncSchedules();
    this.loopDone = this.loop();
  }

  /** Validates and queues events; each starts one run per job triggered by its name. */
  async send(events: JobEventPayload | JobEventPayload[]): Promise<void> {
    const list = Array.isArray(events) ? events : [events];
    const byJob = new Map<string, { id?: string; data: object; priority: number; singletonKey?: string }[]>();
    for (const event of list) {
      for (const job of this.jobs) {
        if (isCronTrigger(job.trigger) || job.trigger.name !== event.name) continue;
        const data = job.trigger.schema.parse(event.data) as Record<string, unknown>;
        const rows = byJob.get(job.id) ?? [];
        rows.push({
          data,
          priority: priorityRank(data),
          ...(event.id ? { id: runIdFor(job.id, event.id) } : {}),
          ...(job.concurrencyKeyField ? { singletonKey: String(data[job.concurrencyKeyField]) } : {}),
        });
        byJob.set(job.id, rows);
      }
    }
    if (byJob.size === 0) return;
    await this.prepare();
    for (const [name, rows] of byJob) await this.boss.insert(name, rows);
    this.nudge();
  }

  /** Resolves once no run of these jobs is queued, waiting for a retry, or running (here or elsewhere). */
  async idle(): Promise<void> {
    await this.prepare();
    const names = this.jobs.map((j) => j.id);
    for (;;) {
      if (this.running === 0) {
        const { rows } = await this.options.sql.query(
          "SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1::text[]) AND state < 'completed'",
          [names],
        );
        if (rows[0].n === 0 && this.running === 0) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Stops taking runs; the runs in hand finish the step they are in and start no other, and go back to
   * the queue. A run still in a step after `timeoutMs` goes back too (that step runs again in the next
   * process), and this process settles nothing of it.
   */
  async stop(timeoutMs = 30_000): Promise<StopReport> {
    const report: StopReport = { released: 0, abandoned: 0 };
    if (!this.ready) return report;
    const releasedBefore = this.outcomes.filter((o) => o.status === "released").length;
    this.stopping = true;
    this.nudge();
    await this.loopDone;
    const deadline = Date.now() + timeoutMs;
    while (this.running > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const [id, { job }] of this.inHand) {
      this.abandoned.add(id);
      await this.restore(job.id, id).catch((e: unknown) => this.options.log?.(`queue: ${messageOf(e)}`));
      report.abandoned += 1;
    }
    report.released = this.outcomes.filter((o) => o.status === "released").length - releasedBefore;
    await this.ready.catch(() => undefined);
    await this.boss.stop({ graceful: false, close: false });
    return report;
  }

  /** Memo rows of runs that ended in a process that died between finishing the run and clearing them. */
  private async sweepMemo(): Promise<void> {
    await this.options.sql.query(
      `DELETE FROM job_step_results r
       WHERE NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.id = r.run_id AND j.state < 'completed')`,
    );
  }

  /** The schedules in the database are this list's: added, changed, and those of jobs no longer listed removed. */
  private async syncSchedules(): Promise<void> {
    const wanted = new Map<string, string>();
    for (const job of this.jobs) if (isCronTrigger(job.trigger)) wanted.set(job.id, job.trigger.cron);
    for (const schedule of await this.boss.getSchedules()) {
      if (!wanted.has(schedule.name)) await this.boss.unschedule(schedule.name, schedule.key);
    }
    for (const [name, cron] of wanted) await this.boss.schedule(name, cron, {}, { tz: "UTC" });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let took = false;
      if (this.running < this.settings.concurrency) {
        try {
          took = await this.takeOne();
        } catch (error) {
          this.options.log?.(`queue: ${messageOf(error)}`);
        }
      }
      if (took && this.running < this.settings.concurrency) continue;
      if (this.nudged) {
        this.nudged = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.settings.pollIntervalMs);
        timer.unref?.();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Wakes the loop, or has it look again at once if it is not asleep (a slot freed while it fetched). */
  private nudge(): void {
    if (this.wake) this.wake();
    else this.nudged = true;
  }

  /**
   * Takes the next run from the queues in turn, so each job gets its share of the slots. The periodic
   * backlog may fill all but one slot: the last is kept for user actions and schedules, so a user's run
   * starts within a poll instead of waiting for a long backlog run to end.
   */
  private async takeOne(): Promise<boolean> {
    const count = this.workable.length;
    const backlogFull = this.runningBacklog >= Math.max(1, this.settings.concurrency - 1);
    for (let n = 0; n < count && !this.stopping; n++) {
      const index = (this.cursor + n) % count;
      const job = this.workable[index]!;
      const [run] = await this.boss.fetch<Record<string, unknown>>(job.id, {
        batchSize: 1,
        ...(backlogFull ? { minPriority: BACKLOG_RANK + 1 } : {}),
      });
      if (!run) continue;
      this.cursor = index + 1;
      const characterId = typeof run.data?.characterId === "number" ? run.data.characterId : undefined;
      // Every line logged during the run, its failure too, carries the job, the run and the character (src/server/logging).
      void withLogContext({ job: job.id, runId: run.id, characterId }, () => this.execute(job, run));
      return true;
    }
    return false;
  }

  private async execute(job: AnyJob, run: Run): Promise<void> {
    const backlog = priorityRank(run.data) === BACKLOG_RANK;
    this.running += 1;
    if (backlog) this.runningBacklog += 1;
    const attempt = { id: run.id, retryCount: run.retryCount };
    this.inHand.set(run.id, { job, run });
    const beat = setInterval(
      () => void this.boss.touch(job.id, run.id).catch(() => undefined),
      (Math.max(10, this.settings.heartbeatSeconds) * 1000) / 3,
    );
    beat.unref?.();
    try {
      const memo = await this.memo.load(run.id);
      const event = isCronTrigger(job.trigger)
        ? { name: SCHEDULED_EVENT, data: {} }
        : { name: job.trigger.name, data: run.data };
      const result = await job.handler({
        event,
        step: memoisedSteps(
          this.memo,
          run.id,
          memo,
          (events) => this.send(events),
          () => this.stopping,
        ),
        attempt: run.retryCount,
      });
      if (this.abandoned.has(run.id)) return;
      await this.boss.complete(job.id, attempt, result && typeof result === "object" ? result : { result });
      await this.memo.clear(run.id);
      this.outcomes.push({ jobId: job.id, status: "completed", attempts: run.retryCount + 1 });
      appMetrics().jobRuns.inc({ function: job.id, outcome: "completed" });
    } catch (error) {
      if (this.abandoned.has(run.id)) return;
      const settle = error instanceof RunStoppedError ? this.release(job, run) : this.settleFailure(job, run, error);
      await settle.catch((e: unknown) => this.options.log?.(`queue: ${messageOf(e)}`));
    } finally {
      this.inHand.delete(run.id);
      clearInterval(beat);
      this.running -= 1;
      if (backlog) this.runningBacklog -= 1;
      this.nudge();
    }
  }

  /** A run stopped between steps goes back to the queue as it was, its attempt not counted. */
  private async release(job: AnyJob, run: Run): Promise<void> {
    await this.restore(job.id, run.id);
    this.outcomes.push({ jobId: job.id, status: "released", attempts: run.retryCount });
    this.options.log?.(`job ${job.id} run ${run.id} given back to the queue (the process is stopping)`);
  }

  /**
   * Puts an active run back as it was queued, as pg-boss's own restore does (not public in its API):
   * started_on cleared, so the next claim counts no attempt.
   */
  private async restore(name: string, id: string): Promise<void> {
    await this.options.sql.query(
      `UPDATE pgboss.job SET state = 'created', started_on = NULL, heartbeat_on = NULL, upsert_by_key = NULL
       WHERE name = $1 AND id = $2 AND state = 'active'`,
      [name, id],
    );
  }

  private async settleFailure(job: AnyJob, run: Run, error: unknown): Promise<void> {
    const message = messageOf(error);
    const attempt = { id: run.id, retryCount: run.retryCount };
    const final = isNonRetriable(error) || run.retryCount >= job.retries;
    const after = final ? undefined : retryAfterMs(error);
    appMetrics().jobRuns.inc({ function: job.id, outcome: final ? "failed" : "retried" });
    if (after !== undefined) {
      await this.failUntil(job, attempt, message, new Date(Date.now() + after));
      return;
    }
    if (final && run.retryCount < job.retries) {
      // pg-boss retries whatever has retries left; a NonRetriableError ends the run here instead, in the same
      // transaction: apart, a poll could take the retry pg-boss had just queued before it was cancelled.
      await this.inTransaction(async (db) => {
        await this.boss.fail(job.id, attempt, { message }, { db });
        await this.boss.cancel(job.id, run.id, { db });
      });
    } else {
      await this.boss.fail(job.id, attempt, { message });
    }
    if (final) {
      await this.memo.clear(run.id);
      this.outcomes.push({ jobId: job.id, status: "failed", attempts: run.retryCount + 1, error: message });
      this.options.log?.(`job ${job.id} failed after ${run.retryCount + 1} attempt(s): ${message}`);
      return;
    }
  }

  /**
   * A failure whose error names its own time (RetryLaterError): the retry state and the later start are
   * written in one transaction, or another poll could take the run back between the two at the backoff's time.
   */
  private failUntil(job: AnyJob, attempt: { id: string; retryCount: number }, message: string, startAfter: Date) {
    return this.inTransaction(async (db) => {
      await this.boss.fail(job.id, attempt, { message }, { db });
      await this.boss.update(job.id, undefined, { id: attempt.id, startAfter, db });
    });
  }

  /** pg-boss commands in one transaction on one connection of the pool (also behind PgBouncer in transaction mode). */
  private async inTransaction(
    work: (db: { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: any[] }> }) => Promise<void>,
  ): Promise<void> {
    const connection = await this.options.sql.connect();
    const db = { executeSql: (text: string, values?: unknown[]) => connection.query(text, values) };
    try {
      await connection.query("begin");
      await work(db);
      await connection.query("commit");
    } catch (error) {
      await connection.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }
}
