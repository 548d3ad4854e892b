// The vocabulary of the limiter: its settings, the bucket and ticket a request
// carries through it, what admission answers, what a response teaches, and the
// store contract both stores implement. Separate from the stores so the client
// and each store depend on the contract, not on each other.
export interface LimiterSettings {
  /** Stop sending when the error-limit errors left (minus requests in flight) fall to this. Default 10. */
  errorLimitThreshold: number;
  /** Tokens kept in reserve per bucket: max(reserveMin, ceil(limit × reserveFraction)). */
  reserveFraction: number;
  reserveMin: number;
  /** A nearly empty bucket is re-measured by one probe request at most this often. */
  probeIntervalMs: number;
  /** No request lives longer than this; older in-flight counts and probe marks are forgotten. */
  staleMs: number;
  /** Pause after a 420 or 429 that does not say for how long. */
  defaultPauseSeconds: number;
}

export const DEFAULT_LIMITER_SETTINGS: LimiterSettings = {
  errorLimitThreshold: 10,
  reserveFraction: 0.05,
  reserveMin: 5,
  probeIntervalMs: 2_000,
  staleMs: 120_000,
  defaultPauseSeconds: 60,
};

export interface BucketRef {
  key: string;
  group: string;
  subject: string;
  /** false for a route without a known group: only a 429 pause can block it. */
  metered: boolean;
}

export interface Ticket {
  /** Database time of admission; responses to requests sent after a sync are newer than that sync. */
  sentAtMs: number;
  bucket: BucketRef | undefined;
  reserved: number;
  probe: boolean;
}

export type Admission =
  | { kind: "go"; ticket: Ticket }
  | {
      kind: "blocked";
      limit: "error-limit" | "rate-limit";
      bucket: string | undefined;
      /** "paused": 420/429 pause; "budget": too few errors/tokens left; "probe": another request is measuring the bucket. */
      reason: "paused" | "budget" | "probe";
      nowMs: number;
      untilMs: number;
    };

export interface LimitOutcome {
  /** HTTP status; 0 when no response arrived. */
  status: number;
  errorLimit?: { remain: number; resetSeconds: number };
  rate?: { group: string; limit?: number; windowSeconds?: number; remaining?: number; used?: number };
  retryAfterSeconds?: number;
}

export interface LimiterStore {
  admit(bucket: BucketRef | undefined, cost: number): Promise<Admission>;
  settle(ticket: Ticket, outcome: LimitOutcome, bucket: BucketRef | undefined): Promise<void>;
  /** Route → group mappings learned by any process. */
  learnedGroups(): Promise<Map<string, string>>;
  learnGroup(route: string, group: string): Promise<void>;
  /** What the store believes now, for the status page and metrics; read-only. */
  state?(): Promise<LimiterState>;
}

/** The limiter's state as a person reads it: the error limit, and the buckets nearest empty first. */
export interface LimiterState {
  errorLimit: { remain: number | null; resetAt: Date | null; pausedUntil: Date | null };
  buckets: {
    key: string;
    group: string;
    limit: number | null;
    remaining: number | null;
    windowSeconds: number;
    pausedUntil: Date | null;
  }[];
}
