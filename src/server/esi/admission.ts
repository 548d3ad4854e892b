// Limiter admission: which bucket a request is counted in (the group the spec
// names, else one learned from an earlier response, else the route on its own),
// a free connection before budget is reserved, and the wait for (or refusal of)
// a limit pause. Separate from the exchange because it is the one place a
// request waits before it is sent.
import { EsiRateLimitedError } from "./errors";
import type { Admission, BucketRef, LimiterStore, Ticket } from "./limiter";
import type { EsiMetrics } from "./metrics";
import type { Prepared } from "./prepare";
import type { OperationSpec } from "./spec";

const PROBE_POLL_MS = 25;
/** Waits shorter than this are always waited, even by callers that asked to fail fast. */
const SHORT_WAIT_MS = 50;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Counting semaphore: at most `size` holders; acquire() resolves with the release function. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
  }
}

export interface LimiterGate {
  /** The bucket a request of this operation and subject is counted in. */
  bucketFor(op: OperationSpec, subject: string): Promise<BucketRef>;
  /** Remember (for every process) the group a response named for this operation. */
  learn(op: OperationSpec, group: string): Promise<void>;
  admitted(p: Prepared, bucket: BucketRef, waited: { ms: number }): Promise<{ ticket: Ticket; release: () => void }>;
}

export interface LimiterGateDeps {
  store: LimiterStore;
  metrics: EsiMetrics;
  /** Requests sent at the same time: the client's connections. */
  connections: number;
  /** In "wait" mode, give up rather than wait longer than this in total. */
  maxLimitWaitMs: number;
}

export function createLimiterGate({ store, metrics, connections, maxLimitWaitMs }: LimiterGateDeps): LimiterGate {
  const slots = new Slots(connections);
  let learned: Promise<Map<string, string>> | undefined;
  const learnedGroups = () => (learned ??= store.learnedGroups().catch(() => new Map<string, string>()));

  async function bucketFor(op: OperationSpec, subject: string): Promise<BucketRef> {
    const route = `${op.method} ${op.path}`;
    const group = op.rateLimit?.group ?? (await learnedGroups()).get(route);
    if (group) return { key: `${group}:${subject}`, group, subject, metered: true };
    return { key: `route:${route}:${subject}`, group: `route:${route}`, subject, metered: false };
  }

  async function learn(op: OperationSpec, group: string): Promise<void> {
    const route = `${op.method} ${op.path}`;
    if (op.rateLimit?.group === group) return;
    const groups = await learnedGroups();
    if (groups.get(route) === group) return;
    groups.set(route, group);
    await store.learnGroup(route, group).catch(() => undefined);
  }

  /** Waits for (or refuses on) a limit pause; returns the admission ticket once the request may go. */
  async function admitted(
    p: Prepared,
    bucket: BucketRef,
    waited: { ms: number },
  ): Promise<{ ticket: Ticket; release: () => void }> {
    for (;;) {
      // Reserve only when a connection is free to send at once: queued requests would hold budget idle.
      const release = await slots.acquire();
      const t0 = performance.now();
      let admission: Admission;
      try {
        admission = await store.admit(bucket, 2);
      } catch (error) {
        release();
        throw error;
      }
      metrics.limiterTime(performance.now() - t0);
      if (admission.kind === "go") return { ticket: admission.ticket, release };
      release();
      const waitMs = Math.max(0, admission.untilMs - admission.nowMs);
      const retryAt = new Date(Date.now() + waitMs);
      const limited = () => new EsiRateLimitedError(p.op.path, retryAt, admission.limit, admission.bucket);
      // Another request is measuring the bucket, or the state moved between two reads: a short wait, in any mode.
      if (admission.reason === "probe" || waitMs < SHORT_WAIT_MS) {
        if (waited.ms > maxLimitWaitMs) throw limited();
        const pause = Math.max(PROBE_POLL_MS, Math.min(waitMs, 250));
        waited.ms += pause;
        await sleep(pause, p.signal);
        continue;
      }
      if (p.onLimit === "fail" || waited.ms + waitMs > maxLimitWaitMs) throw limited();
      metrics.limiterWait(waitMs);
      waited.ms += waitMs;
      // A little jitter so every waiting caller does not come back in the same millisecond.
      await sleep(waitMs + Math.random() * 50, p.signal);
    }
  }

  return { bucketFor, learn, admitted };
}
