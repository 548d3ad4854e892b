// Per-route ESI cache state of one character's section (SectionRouteCache rows):
// read lazily (single-route sections never pay for it), collected during the fetch,
// and stored by the engine only after the data it describes is stored, so a later
// 304 can never stand for data that was never written.
import type { Db } from "~/server/db/client";
import type { EsiCacheState } from "~/server/esi/client";
import type { RouteCache, RouteCaches } from "~/server/sections/types";

export interface CollectedRouteCaches extends RouteCaches {
  /** Writes the states set during this run that differ from the stored ones; returns rows written. */
  save(): Promise<number>;
}

const NONE: RouteCache = { etag: null, expiresAt: null };

export function routeCaches(
  db: Db,
  characterId: number,
  section: string,
  options: { force: boolean },
): CollectedRouteCaches {
  let stored: Promise<Map<string, RouteCache>> | undefined;
  const load = () =>
    (stored ??= db.sectionRouteCache
      .findMany({ where: { characterId, section }, select: { route: true, etag: true, expiresAt: true } })
      .then((rows) => new Map(rows.map((r) => [r.route, { etag: r.etag, expiresAt: r.expiresAt }]))));
  const pending = new Map<string, RouteCache>();
  return {
    async get(route) {
      if (options.force) return NONE;
      return (await load()).get(route) ?? NONE;
    },
    set(route, state: EsiCacheState) {
      pending.set(route, { etag: state.etag, expiresAt: state.expiresAt });
    },
    async save() {
      if (pending.size === 0) return 0;
      const known = await load();
      let written = 0;
      for (const [route, state] of pending) {
        const old = known.get(route);
        if (old && old.etag === state.etag && old.expiresAt?.getTime() === state.expiresAt?.getTime()) continue;
        await db.sectionRouteCache.upsert({
          where: { characterId_section_route: { characterId, section, route } },
          create: { characterId, section, route, ...state },
          update: state,
        });
        written += 1;
      }
      return written;
    },
  };
}

/** For calling a section's fetch outside the engine (tests, tools): nothing stored, nothing kept. */
export const NO_ROUTE_CACHES: RouteCaches = {
  get: async () => NONE,
  set() {},
};
