// ESI's route health (GET /meta/status, CCP's MetaStatus: one {method, path, status}
// per route), switchable from the control API so clients' health gates can be tested:
// all up, one route down, or ESI down (the status route itself answers 503).
import { esiError } from "../http/io";
import type { EsiRoute } from "./route";

export type EsiHealthState =
  | { readonly state: "up" }
  | { readonly state: "down" }
  /** `route` is "METHOD /path/{template}", as listed by /meta/status. */
  | { readonly state: "route-down"; readonly route: string };

export class EsiHealthSwitch {
  private current: EsiHealthState = { state: "up" };

  get(): EsiHealthState {
    return this.current;
  }

  /** Throws RangeError on an unknown state or a route-down without a route. */
  set(input: { state?: unknown; route?: unknown }): EsiHealthState {
    if (input.state === "up" || input.state === "down") this.current = { state: input.state };
    else if (input.state === "route-down" && typeof input.route === "string" && /^[A-Z]+ \//.test(input.route))
      this.current = { state: "route-down", route: input.route };
    else throw new RangeError('Send {"state": "up" | "down"} or {"state": "route-down", "route": "GET /path"}');
    return this.current;
  }
}

export function metaStatusRoute(health: EsiHealthSwitch, routes: () => readonly EsiRoute[]): EsiRoute {
  return {
    method: "GET",
    path: "/meta/status",
    cacheSeconds: 0,
    rateLimit: { group: "meta", maxTokens: 150, windowSeconds: 900 },
    handler: () => {
      const now = health.get();
      if (now.state === "down") throw esiError(503, "The datasource tranquility is temporarily unavailable");
      const down = now.state === "route-down" ? now.route : undefined;
      return {
        routes: routes().map((r) => ({
          method: r.method,
          path: r.path,
          status: `${r.method} ${r.path}` === down ? "Down" : "OK",
        })),
      };
    },
  };
}
