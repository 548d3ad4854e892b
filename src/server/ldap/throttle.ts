// Failed LDAP binds, counted per username and per client address over a sliding window
// (docs/ldap.md, "Throttling"). In memory: one process's view, which is what a single web
// process needs; several processes each count their own (documented), and a restart forgets.
// The maps are bounded so a flood of made-up usernames cannot grow them without end.
export interface ThrottleLimits {
  userFailures: number;
  addressFailures: number;
  windowSeconds: number;
}

const MAX_KEYS = 50_000;

export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed for this username or address; 0 when allowed now. */
  retryAfter(username: string, address: string): number {
    return Math.max(
      this.wait(userKey(username), this.limits.userFailures),
      this.wait(`a:${address}`, this.limits.addressFailures),
    );
  }

  recordFailure(username: string, address: string): void {
    this.push(userKey(username));
    this.push(`a:${address}`);
  }

  /** A good password clears the username's count; the address keeps its own. */
  recordSuccess(username: string): void {
    this.failures.delete(userKey(username));
  }

  private wait(key: string, limit: number): number {
    const times = this.recent(key);
    if (times.length < limit) return 0;
    const oldestCounted = times[times.length - limit]!;
    return Math.max(1, Math.ceil((oldestCounted + this.limits.windowSeconds * 1000 - this.now()) / 1000));
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowSeconds * 1000;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  private push(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    // Keep what the largest limit can still need.
    this.failures.delete(key);
    this.failures.set(key, times.slice(-Math.max(this.limits.userFailures, this.limits.addressFailures)));
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }
}

/** Directories compare usernames without case: `Alice` and `alice` share one count. */
function userKey(username: string): string {
  return `u:${username.trim().toLowerCase()}`;
}
