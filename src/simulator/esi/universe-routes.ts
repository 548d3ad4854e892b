// /universe/* over the static-data extract, /universe/ids over everything the
// simulator can name, player structures behind their ACL, and /status. Static
// universe routes declare no x-cache-age in the spec, hence cacheSeconds 0.
import { findAnyCharacter } from "../data";
import { findStructure, structureVisibleTo } from "../data/catalog";
import { Rng } from "../data/prng";
import { universeIds } from "../data/universe-names";
import { esiError } from "../http/io";
import {
  findCategory,
  findConstellation,
  findGroup,
  findPlanet,
  findRegion,
  findSchematic,
  findStation,
  findSystem,
  findType,
  groupsInCategory,
  type SdeType,
  sdeBloodlines,
  sdeCategories,
  sdeConstellations,
  sdeFactions,
  sdeGroups,
  sdeRaces,
  sdeRegions,
  sdeSystems,
  sdeTypes,
  stationServices,
  stationsInSystem,
  typesInGroup,
} from "../sde";
import { RATE_LIMITS } from "./data-route";
import { type EsiRoute, idParam } from "./route";

const SLOT_EFFECT = { lo: 11, hi: 12, med: 13, rig: 2663, sub: 3772 } as const;
const vector = ([x, y, z]: readonly [number, number, number]) => ({ x, y, z });

function typeBody(type: SdeType) {
  return {
    type_id: type.id,
    name: type.name,
    description: type.description ?? "",
    group_id: type.groupId,
    published: type.published,
    ...(type.volume === undefined ? {} : { volume: type.volume }),
    ...(type.capacity === undefined ? {} : { capacity: type.capacity }),
    ...(type.mass === undefined ? {} : { mass: type.mass }),
    ...(type.portionSize === undefined ? {} : { portion_size: type.portionSize }),
    ...(type.marketGroupId === undefined ? {} : { market_group_id: type.marketGroupId }),
    ...(type.dogma
      ? { dogma_attributes: Object.entries(type.dogma).map(([id, value]) => ({ attribute_id: Number(id), value })) }
      : {}),
    ...(type.slot ? { dogma_effects: [{ effect_id: SLOT_EFFECT[type.slot], is_default: false }] } : {}),
  };
}

function lookup<T>(found: T | undefined, message: string): T {
  if (found === undefined) throw esiError(404, message);
  return found;
}

/** Planets carry no position in the extract; a stable one keeps the body complete. */
function planetPosition(planetId: number) {
  const rng = new Rng("planet-position", planetId);
  return {
    x: Math.round(rng.float(-5e12, 5e12)),
    y: Math.round(rng.float(-1e11, 1e11)),
    z: Math.round(rng.float(-5e12, 5e12)),
  };
}

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
  {
    method: "GET",
    path: "/universe/types",
    cacheSeconds: 0,
    pageSize: 1000,
    handler: () => sdeTypes().map((t) => t.id),
  },
  {
    method: "GET",
    path: "/universe/types/{type_id}",
    cacheSeconds: 0,
    handler: ({ params }) => typeBody(lookup(findType(idParam(params, "type_id")), "Type not found")),
  },
  {
    method: "GET",
    path: "/universe/groups",
    cacheSeconds: 0,
    pageSize: 1000,
    handler: () => sdeGroups().map((g) => g.id),
  },
  {
    method: "GET",
    path: "/universe/groups/{group_id}",
    cacheSeconds: 0,
    handler: ({ params }) => {
      const group = lookup(findGroup(idParam(params, "group_id")), "Group not found");
      return {
        group_id: group.id,
        name: group.name,
        category_id: group.categoryId,
        published: group.published,
        types: typesInGroup(group.id).map((t) => t.id),
      };
    },
  },
  { method: "GET", path: "/universe/categories", cacheSeconds: 0, handler: () => sdeCategories().map((c) => c.id) },
  {
    method: "GET",
    path: "/universe/categories/{category_id}",
    cacheSeconds: 0,
    handler: ({ params }) => {
      const category = lookup(findCategory(idParam(params, "category_id")), "Category not found");
      return {
        category_id: category.id,
        name: category.name,
        published: category.published,
        groups: groupsInCategory(category.id).map((g) => g.id),
      };
    },
  },
  { method: "GET", path: "/universe/regions", cacheSeconds: 0, handler: () => sdeRegions().map((r) => r.id) },
  {
    method: "GET",
    path: "/universe/regions/{region_id}",
    cacheSeconds: 0,
    handler: ({ params }) => {
      const region = lookup(findRegion(idParam(params, "region_id")), "Region not found");
      return { region_id: region.id, name: region.name, constellations: region.constellationIds };
    },
  },
  {
    method: "GET",
    path: "/universe/constellations",
    cacheSeconds: 0,
    handler: () => sdeConstellations().map((c) => c.id),
  },
  {
    method: "GET",
    path: "/universe/constellations/{constellation_id}",
    cacheSeconds: 0,
    handler: ({ params }) => {
      const c = lookup(findConstellation(idParam(params, "constellation_id")), "Constellation not found");
      return {
        constellation_id: c.id,
        name: c.name,
        region_id: c.regionId,
        position: vector(c.position),
        systems: c.systemIds,
      };
    },
  },
  { method: "GET", path: "/universe/systems", cacheSeconds: 0, handler: () => sdeSystems().map((s) => s.id) },
  {
    method: "GET",
    path: "/universe/systems/{system_id}",
    cacheSeconds: 0,
    handler: ({ params }) => {
      const system = lookup(findSystem(idParam(params, "system_id")), "Solar system not found");
      const stations = stationsInSystem(system.id).map((s) => s.id);
      return {
        system_id: system.id,
        name: system.name,
        constellation_id: system.constellationId,
        security_status: system.security,
        ...(system.securityClass ? { security_class: system.securityClass } : {}),
        position: vector(system.position),
        ...(system.starId ? { star_id: system.starId } : {}),
        planets: system.planets.map(([planetId]) => ({ planet_id: planetId })),
        ...(stations.length > 0 ? { stations } : {}),
      };
    },
  },
  {
    method: "GET",
    path: "/universe/planets/{planet_id}",
    cacheSeconds: 0,
    handler: ({ params }) => {
      const planet = lookup(findPlanet(idParam(params, "planet_id")), "Planet not found");
      return {
        planet_id: planet.id,
        name: planet.name,
        system_id: planet.systemId,
        type_id: planet.typeId,
        position: planetPosition(planet.id),
      };
    },
  },
  {
    method: "GET",
    path: "/universe/schematics/{schematic_id}",
    cacheSeconds: 3600,
    handler: ({ params }) => {
      const schematic = lookup(findSchematic(idParam(params, "schematic_id")), "Schematic not found");
      return { schematic_name: schematic.name, cycle_time: schematic.cycleTime };
    },
  },
  {
    method: "GET",
    path: "/universe/stations/{station_id}",
    cacheSeconds: 0,
    handler: ({ params }) => {
      const station = lookup(findStation(idParam(params, "station_id")), "Station not found");
      return {
        station_id: station.id,
        name: station.name,
        system_id: station.systemId,
        type_id: station.typeId,
        owner: station.ownerId,
        position: vector(station.position),
        max_dockable_ship_volume: station.maxDockableShipVolume,
        office_rental_cost: station.officeRentalCost,
        reprocessing_efficiency: station.reprocessingEfficiency,
        reprocessing_stations_take: station.reprocessingStationsTake,
        services: stationServices(station),
      };
    },
  },
  {
    method: "GET",
    path: "/universe/structures/{structure_id}",
    cacheSeconds: 3600,
    scope: "esi-universe.read_structures.v1",
    handler: ({ params, auth }) => {
      const structure = findStructure(idParam(params, "structure_id"));
      const corporationId = auth ? findAnyCharacter(auth.characterId)?.corporationId : undefined;
      // ESI answers Forbidden alike for structures that do not exist and ones whose ACL excludes the caller.
      if (!structure || corporationId === undefined || !structureVisibleTo(structure, corporationId))
        throw esiError(403, "Forbidden");
      return {
        name: structure.name,
        owner_id: structure.ownerId,
        solar_system_id: structure.systemId,
        type_id: structure.typeId,
        position: vector(structure.position),
      };
    },
  },
  {
    method: "GET",
    path: "/universe/factions",
    cacheSeconds: 0,
    handler: () =>
      sdeFactions().map((f) => ({
        faction_id: f.id,
        name: f.name,
        description: f.description,
        ...(f.corporationId === undefined ? {} : { corporation_id: f.corporationId }),
        ...(f.militiaCorporationId === undefined ? {} : { militia_corporation_id: f.militiaCorporationId }),
        ...(f.systemId === undefined ? {} : { solar_system_id: f.systemId }),
        size_factor: f.sizeFactor,
        is_unique: f.isUnique,
        station_count: f.stationCount,
        station_system_count: f.stationSystemCount,
      })),
  },
  {
    method: "GET",
    path: "/universe/races",
    cacheSeconds: 0,
    handler: () =>
      sdeRaces().map((r) => ({ race_id: r.id, name: r.name, description: r.description, alliance_id: r.factionId })),
  },
  {
    method: "GET",
    path: "/universe/bloodlines",
    cacheSeconds: 0,
    handler: () =>
      sdeBloodlines().map((b) => ({
        bloodline_id: b.id,
        name: b.name,
        description: b.description,
        race_id: b.raceId,
        corporation_id: b.corporationId,
        ship_type_id: b.shipTypeId,
        charisma: b.charisma,
        intelligence: b.intelligence,
        memory: b.memory,
        perception: b.perception,
        willpower: b.willpower,
      })),
  },
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
