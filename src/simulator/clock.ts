// Simulated time is real time plus an offset that only ever grows, so tests can
// age tokens, codes and caches without sleeping, and a restart that reloads the
// offset keeps every previously issued expiry meaningful.
export class SimClock {
  private offsetMs: number;

  constructor(offsetSeconds = 0) {
    this.offsetMs = offsetSeconds * 1000;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Whole seconds, as JWT NumericDate claims use. */
  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new RangeError("The simulated clock only moves forward: seconds must be a finite number >= 0");
    }
    this.offsetMs += seconds * 1000;
  }
}
