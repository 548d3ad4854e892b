// universe.json: whole regions with their constellations, systems and planets, and
// the NPC stations in them with the services their operations offer.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { definedOnly, entries, num, obj, round, type SdePackage, vector, type Yaml } from "./values";

// Whole regions: trade hubs, empire high/low-sec, factional-warfare low-sec and
// NPC null-sec with stations (~620 systems).
const REGIONS = ["TheForge", "Domain", "SinqLaison", "Heimatar", "BlackRise", "Syndicate"];

// CCP's station service ids 1..27 in the order ESI's `services` enum lists them.
const SERVICES = [
  "bounty-missions",
  "assasination-missions",
  "courier-missions",
  "interbus",
  "reprocessing-plant",
  "refinery",
  "market",
  "black-market",
  "stock-exchange",
  "cloning",
  "surgery",
  "dna-therapy",
  "repair-facilities",
  "factory",
  "labratory",
  "gambling",
  "fitting",
  "paintshop",
  "news",
  "storage",
  "insurance",
  "docking",
  "office-rental",
  "jump-clone-facility",
  "loyalty-point-store",
  "navy-offices",
  "security-offices",
];

export async function buildUniverse(sde: SdePackage, dir: string, names: Map<number, string>) {
  const regions: Yaml[] = [];
  const constellations: Yaml[] = [];
  const systems: Yaml[] = [];
  const subdirs = (path: string) =>
    readdirSync(path)
      .filter((d) => statSync(join(path, d)).isDirectory())
      .sort();
  for (const regionDir of REGIONS) {
    const regionPath = join(dir, "sde/universe/eve", regionDir);
    const region = obj(await sde.raw("universe", "eve", regionDir, "region"));
    const regionId = num(region.regionID) ?? 0;
    const constellationIds: number[] = [];
    for (const constellationDir of subdirs(regionPath)) {
      const constellation = obj(await sde.raw("universe", "eve", regionDir, constellationDir, "constellation"));
      const constellationId = num(constellation.constellationID) ?? 0;
      constellationIds.push(constellationId);
      const systemIds: number[] = [];
      for (const systemDir of subdirs(join(regionPath, constellationDir))) {
        const system = obj(await sde.raw("universe", "eve", regionDir, constellationDir, systemDir, "solarsystem"));
        const systemId = num(system.solarSystemID) ?? 0;
        systemIds.push(systemId);
        systems.push(
          definedOnly({
            id: systemId,
            name: names.get(systemId) ?? systemDir,
            constellationId,
            security: Number((num(system.security) ?? 0).toFixed(4)),
            securityClass: typeof system.securityClass === "string" ? system.securityClass : undefined,
            position: vector(system.center),
            starId: num(obj(system.star).id),
            // [planet id, type id, celestial index]; names follow as "<system> <roman index>".
            planets: entries(system.planets).map(([planetId, p]) => [
              planetId,
              num(p.typeID) ?? 0,
              num(p.celestialIndex) ?? 0,
            ]),
          }),
        );
      }
      constellations.push({
        id: constellationId,
        name: names.get(constellationId) ?? constellationDir,
        regionId,
        position: vector(constellation.center),
        systemIds: systemIds.sort((a, b) => a - b),
      });
    }
    regions.push(
      definedOnly({
        id: regionId,
        name: names.get(regionId) ?? regionDir,
        factionId: num(region.factionID),
        constellationIds: constellationIds.sort((a, b) => a - b),
      }),
    );
  }
  const byId = (a: Yaml, b: Yaml) => (num(a.id) ?? 0) - (num(b.id) ?? 0);
  return { regions: regions.sort(byId), constellations: constellations.sort(byId), systems: systems.sort(byId) };
}

export async function buildStations(sde: SdePackage, systemIds: Set<number>) {
  const [stations, operations] = await Promise.all([
    sde.raw("bsd", "staStations"),
    sde.raw("fsd", "stationOperations"),
  ]);
  const rows = (Array.isArray(stations) ? (stations as Yaml[]) : [])
    .filter((s) => systemIds.has(num(s.solarSystemID) ?? 0))
    .map((s) => ({
      id: num(s.stationID) ?? 0,
      name: String(s.stationName ?? ""),
      systemId: num(s.solarSystemID) ?? 0,
      typeId: num(s.stationTypeID) ?? 0,
      ownerId: num(s.corporationID) ?? 0,
      operationId: num(s.operationID) ?? 0,
      position: [round(s.x), round(s.y), round(s.z)],
      maxDockableShipVolume: num(s.maxShipVolumeDockable) ?? 0,
      officeRentalCost: num(s.officeRentalCost) ?? 0,
      reprocessingEfficiency: num(s.reprocessingEfficiency) ?? 0,
      reprocessingStationsTake: num(s.reprocessingStationsTake) ?? 0,
    }))
    .sort((a, b) => a.id - b.id);
  const usedOperations = new Set(rows.map((s) => s.operationId));
  const operationRows = entries(operations)
    .filter(([id]) => usedOperations.has(id))
    .map(([id, op]) => ({
      id,
      services: (Array.isArray(op.services) ? (op.services as number[]) : []).flatMap((sid) => SERVICES[sid - 1] ?? []),
    }));
  return {
    stations: rows,
    stationOperations: operationRows,
    allStations: Array.isArray(stations) ? (stations as Yaml[]) : [],
  };
}
