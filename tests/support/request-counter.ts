// Counts a client's requests to one route, for sections that must fetch a detail
// (a mail body, a calendar event) only for what is new or changed.
import type { EsiClient } from "~/server/esi/client";

export interface RequestCounter {
  calls: number;
  /** Hand to the harness' `decorate` option: every run's client then counts. */
  decorate(esi: EsiClient): EsiClient;
}

export function requestCounter(route: string): RequestCounter {
  const counter: RequestCounter = {
    calls: 0,
    decorate: (esi) => ({
      ...esi,
      getData: ((path: string, options: never) => {
        if (path === route) counter.calls += 1;
        return esi.getData(path as never, options);
      }) as EsiClient["getData"],
    }),
  };
  return counter;
}
