// /universe/ids over everything the simulator can name, /status, and the
// /universe/* static-data routes of ./universe (items, map, peoples). Static
// universe routes declare no x-cache-age in the spec, hence cacheSeconds 0.
import { universeIds } from "../data/universe-names";
import { esiError } from "../http/io";
import { RATE_LIMITS } from "./data-route";
import type { EsiRoute } from "./route";
import { itemRoutes } from "./universe/items";
import { mapRoutes } from "./universe/map";
import { npcRoutes } from "./universe/npc";

/** The last daily downtime (11:00 UTC) at or before `nowMs`. */
function serverStart(nowMs: number): number {
  const day = Math.floor(nowMs / 86_400_000) * 86_400_000 + 11 * 3_600_000;
  return day <= nowMs ? day : day - 86_400_000;
}

export const universeEsiRoutes: readonly EsiRoute[] = [
  {
    method: "POST",
    path: "/universe/ids",
    cacheSeconds: 0,
    handler: ({ body }) => {
      if (!Array.isArray(body) || !body.every((name) => typeof name === "string"))
        throw esiError(400, "The request body must be a JSON array of names");
      if (body.length < 1 || body.length > 500)
        throw esiError(400, "The request body must contain between 1 and 500 names");
      return universeIds(body as string[]);
    },
  },
  ...itemRoutes,
  ...mapRoutes,
  ...npcRoutes,
  {
    method: "GET",
    path: "/status",
    cacheSeconds: 30,
    rateLimit: RATE_LIMITS.status,
    handler: ({ services }) => {
      const nowMs = services.clock.nowMs();
      const hour = new Date(nowMs).getUTCHours() + new Date(nowMs).getUTCMinutes() / 60;
      // Tranquility's daily curve: quiet after downtime, busiest in the EU evening.
      const players = Math.round(21_000 + 9_000 * Math.sin(((hour - 13) / 24) * 2 * Math.PI));
      return {
        players,
        server_version: "3088519",
        start_time: new Date(serverStart(nowMs)).toISOString().replace(".000Z", "Z"),
      };
    },
  },
];
