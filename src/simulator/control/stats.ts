// Counters over the ESI traffic the simulator answered, so tests and benchmarks
// can check what a client really sent (retries, 304s, pauses after 420/429)
// without intercepting it. SSO, image and /_sim requests are not counted.
import type { ErrorLimitState } from "../limits/error-limit";

export interface SimStats {
  requests: number;
  /** By HTTP status ("200", "304", ...); injected timeouts as "timeout". */
  byStatus: Record<string, number>;
  /** By "METHOD /template"; paths that match no route as "unmatched". */
  byRoute: Record<string, number>;
  errorLimit: { remain: number; resetInSeconds: number };
  faultsInjected: number;
  "420s": number;
  "429s": number;
}

export class StatsRecorder {
  private requests = 0;
  private byStatus = new Map<string, number>();
  private byRoute = new Map<string, number>();
  private faults = 0;

  request(routeKey: string): void {
    this.requests++;
    this.byRoute.set(routeKey, (this.byRoute.get(routeKey) ?? 0) + 1);
  }

  answered(status: number | "timeout"): void {
    const key = String(status);
    this.byStatus.set(key, (this.byStatus.get(key) ?? 0) + 1);
  }

  faultInjected(): void {
    this.faults++;
  }

  report(errorLimit: ErrorLimitState): SimStats {
    return {
      requests: this.requests,
      byStatus: Object.fromEntries(this.byStatus),
      byRoute: Object.fromEntries(this.byRoute),
      errorLimit: { remain: errorLimit.remain, resetInSeconds: errorLimit.resetInSeconds },
      faultsInjected: this.faults,
      "420s": this.byStatus.get("420") ?? 0,
      "429s": this.byStatus.get("429") ?? 0,
    };
  }

  reset(): void {
    this.requests = 0;
    this.byStatus = new Map();
    this.byRoute = new Map();
    this.faults = 0;
  }
}
