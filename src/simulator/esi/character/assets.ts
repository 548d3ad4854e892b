// What the pilot owns and makes: assets (with their names and positions),
// blueprints, industry jobs, the mining ledger and planetary colonies.
import type { CharacterContext } from "../../data";
import { assetName } from "../../data/assets";
import { blueprintsOf, jobsAt } from "../../data/industry";
import { esiError } from "../../http/io";
import { characterRoute, pathId, RATE_LIMITS, section } from "../data-route";
import { type EsiRequest, type EsiRoute, idListBody } from "../route";

const SCOPES = {
  assets: "esi-assets.read_assets.v1",
  blueprints: "esi-characters.read_blueprints.v1",
  jobs: "esi-industry.read_character_jobs.v1",
  mining: "esi-industry.read_character_mining.v1",
  planets: "esi-planets.manage_planets.v1",
} as const;

/** Item ids of an assets/names or assets/locations body, all of which must be the character's. */
function ownedItems(character: CharacterContext, request: EsiRequest) {
  const ids = idListBody(request.body, 1000);
  const assets = section(character, "assets");
  const byId = new Map(assets.items.map((item) => [item.item_id, item]));
  if (ids.some((id) => !byId.has(id))) throw esiError(404, "Invalid IDs in the request");
  return { ids, assets };
}

function includeCompleted(request: EsiRequest): boolean {
  const raw = request.query.get("include_completed");
  if (raw === null || raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  throw esiError(400, "Invalid include_completed: must be true or false");
}

export const assetRoutes: readonly EsiRoute[] = [
  characterRoute({
    path: "/characters/{character_id}/assets",
    scope: SCOPES.assets,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charAsset,
    pageSize: 1000,
    handler: (c) => section(c, "assets").items,
  }),
  characterRoute({
    method: "POST",
    path: "/characters/{character_id}/assets/names",
    scope: SCOPES.assets,
    cacheSeconds: 0,
    rateLimit: RATE_LIMITS.charAsset,
    handler: (c, request) => {
      const { ids, assets } = ownedItems(c, request);
      return ids.map((id) => ({ item_id: id, name: assetName(assets, id) }));
    },
  }),
  characterRoute({
    method: "POST",
    path: "/characters/{character_id}/assets/locations",
    scope: SCOPES.assets,
    cacheSeconds: 0,
    rateLimit: RATE_LIMITS.charAsset,
    handler: (c, request) => {
      const { ids, assets } = ownedItems(c, request);
      // Items in hangars have no position of their own: ESI answers (0, 0, 0).
      return ids.map((id) => {
        const [x, y, z] = assets.positions.get(id) ?? [0, 0, 0];
        return { item_id: id, position: { x, y, z } };
      });
    },
  }),
  characterRoute({
    path: "/characters/{character_id}/blueprints",
    scope: SCOPES.blueprints,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charIndustry,
    pageSize: 1000,
    handler: (c) => blueprintsOf(c, section(c, "assets").items),
  }),
  characterRoute({
    path: "/characters/{character_id}/industry/jobs",
    scope: SCOPES.jobs,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charIndustry,
    handler: (c, request) =>
      jobsAt(section(c, "industry").jobs, request.services.clock.nowMs(), includeCompleted(request)),
  }),
  characterRoute({
    path: "/characters/{character_id}/mining",
    scope: SCOPES.mining,
    cacheSeconds: 600,
    rateLimit: RATE_LIMITS.charIndustry,
    pageSize: 1000,
    handler: (c) => section(c, "industry").mining,
  }),
  characterRoute({
    path: "/characters/{character_id}/planets",
    scope: SCOPES.planets,
    cacheSeconds: 600,
    rateLimit: RATE_LIMITS.charIndustry,
    handler: (c) => section(c, "planets").colonies,
  }),
  characterRoute({
    path: "/characters/{character_id}/planets/{planet_id}",
    scope: SCOPES.planets,
    cacheSeconds: 600,
    rateLimit: RATE_LIMITS.charIndustry,
    handler: (c, request) => {
      const layout = section(c, "planets").layouts.get(pathId(request, "planet_id"));
      if (!layout) throw esiError(404, "Colony not found");
      return layout;
    },
  }),
];
