// The faults the soak keeps injected at the simulator: 10 % 5xx (CCP's four kinds, equal
// shares), held-open connections longer than the app's ESI timeout, and 429s from "the
// game server". 420s are single events (one 420 exhausts the error limit for the rest of
// its window, pausing every ESI call), injected on a schedule by the soak itself.
import type { FaultRule } from "~/simulator/server";

export const ESI_TIMEOUT_MS = 5000;

/** Rules are tried in order and each rolls on its own, so each rate is of what the earlier ones let through. */
function shares(total: number, statuses: readonly (500 | 502 | 503 | 504)[]): FaultRule[] {
  const each = total / statuses.length;
  return statuses.map((status, i) => ({ kind: "status", status, rate: each / (1 - each * i) }));
}

export function standingFaults(): FaultRule[] {
  const fivexx = shares(0.1, [500, 502, 503, 504]);
  return [
    ...fivexx,
    { kind: "timeout", rate: 0.005, delayMs: ESI_TIMEOUT_MS + 3000 },
    { kind: "429", rate: 0.01, delayMs: 3000 },
  ];
}

/** One 420 at the next request or so. */
export const ONE_420: FaultRule = { kind: "420", count: 1 };
