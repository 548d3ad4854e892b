// The map from the extract: regions, constellations, systems, planets and NPC
// stations, plus the simulator's player structures behind their ACL.
import { findAnyCharacter } from "../../data";
import { findStructure, structureVisibleTo } from "../../data/catalog";
import { Rng } from "../../data/prng";
import { esiError } from "../../http/io";
import {
  findConstellation,
  findPlanet,
  findRegion,
  findStation,
  findSystem,
  sdeConstellations,
  sdeRegions,
  sdeSystems,
  stationServices,
  stationsInSystem,
} from "../../sde";
import { type EsiRoute, idParam, lookup } from "../route";

const vector = ([x, y, z]: readonly [number, number, number]) => ({ x, y, z });

/** Planets carry no position in the extract; a stable one keeps the body complete. */
function planetPosition(planetId: number) {
  const rng = new Rng("planet-position", planetId);
  return {
    x: Math.round(rng.float(-5e12, 5e12)),
    y: Math.round(rng.float(-1e11, 1e11)),
    z: Math.round(rng.float(-5e12, 5e12)),
  };
}

export const mapRoutes: readonly EsiRoute[] = [
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
];
