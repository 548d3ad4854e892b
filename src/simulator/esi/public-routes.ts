// ESI's public (unauthenticated) routes over the roster. Cache ages are the
// x-cache-age values of CCP's 2026-07-17 spec; /universe/names declares none.
import { esiError } from "../http/io";
import { findAnyCharacter } from "../data/characters";
import { resolveUniverseName } from "../data/universe-names";
import { findSimAlliance, findSimCorporation } from "../roster";
import { affiliationBody, allianceBody, characterBody, corporationBody } from "./bodies";
import { type EsiRoute, idListBody, idParam } from "./route";

export const publicEsiRoutes: readonly EsiRoute[] = [
  {
    method: "GET",
    path: "/characters/{character_id}",
    cacheSeconds: 86400,
    handler: ({ params }) => {
      const character = findAnyCharacter(idParam(params, "character_id"));
      if (!character) throw esiError(404, "Character not found");
      return characterBody(character);
    },
  },
  {
    method: "POST",
    path: "/characters/affiliation",
    cacheSeconds: 3600,
    handler: ({ body }) => {
      const ids = idListBody(body, 1000);
      const characters = ids.map((id) => findAnyCharacter(id));
      // CCP: "All characters must exist, or none will be returned".
      const unknown = ids.filter((_, i) => characters[i] === undefined);
      if (unknown.length > 0)
        throw esiError(400, `Unknown character ID(s): ${unknown.join(", ")}; all characters must exist`);
      return characters.flatMap((c) => (c ? [affiliationBody(c)] : []));
    },
  },
  {
    method: "GET",
    path: "/corporations/{corporation_id}",
    cacheSeconds: 3600,
    handler: ({ params }) => {
      const corporation = findSimCorporation(idParam(params, "corporation_id"));
      if (!corporation) throw esiError(404, "Corporation not found");
      return corporationBody(corporation);
    },
  },
  {
    method: "GET",
    path: "/alliances/{alliance_id}",
    cacheSeconds: 3600,
    handler: ({ params }) => {
      const alliance = findSimAlliance(idParam(params, "alliance_id"));
      if (!alliance) throw esiError(404, "Alliance not found");
      return allianceBody(alliance);
    },
  },
  {
    method: "POST",
    path: "/universe/names",
    cacheSeconds: 0,
    handler: ({ body }) => {
      const resolved = idListBody(body, 1000).map(resolveUniverseName);
      // One unknown id fails the whole request.
      if (resolved.some((entry) => entry === undefined))
        throw esiError(404, "Ensure all IDs are valid before resolving.");
      return resolved;
    },
  },
];
