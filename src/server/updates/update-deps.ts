// The update engine's dependencies, made from the process's shared ones.
import { resolveEntityNames } from "~/server/universe/entities";
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { resolveLocations } from "~/server/universe/locations";
import type { UpdateDeps } from "./update-section";

export function updateDepsFrom(deps: { db: Db; esi: EsiClient }): UpdateDeps {
  return {
    db: deps.db,
    esi: deps.esi,
    resolvers: {
      entities: (ids) => resolveEntityNames(deps, ids),
      locations: (characterId, ids) => resolveLocations(deps, characterId, ids),
    },
  };
}
