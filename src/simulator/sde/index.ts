// The simulator's slice of CCP's static data (built by scripts/build-sde-extract.ts).
// Each JSON file is read and indexed on first use only, so processes that never
// touch character data (SSO tests, the app) pay nothing for it.
import { readFileSync } from "node:fs";

export type Vector = readonly [number, number, number];

export interface SdeCategory {
  readonly id: number;
  readonly name: string;
  readonly published: boolean;
}

export interface SdeGroup {
  readonly id: number;
  readonly categoryId: number;
  readonly name: string;
  readonly published: boolean;
}

export type ModuleSlot = "hi" | "med" | "lo" | "rig" | "sub";

export interface SdeType {
  readonly id: number;
  readonly groupId: number;
  readonly name: string;
  readonly published: boolean;
  readonly volume?: number;
  readonly capacity?: number;
  readonly mass?: number;
  readonly portionSize?: number;
  readonly basePrice?: number;
  readonly marketGroupId?: number;
  /** Skills only. */
  readonly description?: string;
  /** Selected dogma attributes by attribute id (skill attributes and rank, required skills, slots, implant slot). */
  readonly dogma?: Readonly<Record<string, number>>;
  /** Modules: the slot the module fits in. */
  readonly slot?: ModuleSlot;
  /** Blueprints: what one manufacturing run makes, and the copy run limit. */
  readonly productTypeId?: number;
  readonly maxRuns?: number;
}

export interface SdeSchematic {
  readonly id: number;
  readonly name: string;
  readonly cycleTime: number;
  readonly output: readonly [number, number];
  readonly inputs: readonly (readonly [number, number])[];
  readonly pinTypeIds: readonly number[];
}

export interface SdeRegion {
  readonly id: number;
  readonly name: string;
  readonly factionId?: number;
  readonly constellationIds: readonly number[];
}

export interface SdeConstellation {
  readonly id: number;
  readonly name: string;
  readonly regionId: number;
  readonly position: Vector;
  readonly systemIds: readonly number[];
}

export interface SdeSystem {
  readonly id: number;
  readonly name: string;
  readonly constellationId: number;
  readonly security: number;
  readonly securityClass?: string;
  readonly position: Vector;
  readonly starId?: number;
  /** [planet id, planet type id, celestial index]. */
  readonly planets: readonly (readonly [number, number, number])[];
}

export interface SdeStation {
  readonly id: number;
  readonly name: string;
  readonly systemId: number;
  readonly typeId: number;
  readonly ownerId: number;
  readonly operationId: number;
  readonly position: Vector;
  readonly maxDockableShipVolume: number;
  readonly officeRentalCost: number;
  readonly reprocessingEfficiency: number;
  readonly reprocessingStationsTake: number;
}

export interface SdeFaction {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly corporationId?: number;
  readonly militiaCorporationId?: number;
  readonly systemId?: number;
  readonly sizeFactor: number;
  readonly isUnique: boolean;
  readonly stationCount: number;
  readonly stationSystemCount: number;
}

export interface SdeRace {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly factionId: number;
  readonly shipTypeId: number;
}

export interface SdeBloodline {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly raceId: number;
  readonly corporationId: number;
  readonly shipTypeId: number;
  readonly charisma: number;
  readonly intelligence: number;
  readonly memory: number;
  readonly perception: number;
  readonly willpower: number;
}

export interface SdeNpcCorporation {
  readonly id: number;
  readonly name: string;
  readonly ticker: string;
  readonly factionId?: number;
  readonly stationId?: number;
  readonly ceoId?: number;
  readonly taxRate?: number;
}

export interface SdeAgent {
  readonly id: number;
  readonly name: string;
  readonly corporationId: number;
  readonly stationId: number;
  readonly level: number;
}

export interface SdePlanet {
  readonly id: number;
  readonly typeId: number;
  readonly systemId: number;
  readonly name: string;
}

/** Dogma attribute ids the extract keeps. */
export const DOGMA = {
  primaryAttribute: 180,
  secondaryAttribute: 181,
  skillTimeConstant: 275,
  requiredSkills: [
    [182, 277],
    [183, 278],
    [184, 279],
    [1285, 1286],
    [1289, 1287],
    [1290, 1288],
  ],
  lowSlots: 12,
  medSlots: 13,
  hiSlots: 14,
  rigSlots: 1137,
  implantSlot: 331,
} as const;

interface TypesFile {
  categories: SdeCategory[];
  groups: SdeGroup[];
  types: SdeType[];
  schematics: SdeSchematic[];
}
interface UniverseFile {
  regions: SdeRegion[];
  constellations: SdeConstellation[];
  systems: SdeSystem[];
  stations: SdeStation[];
  stationOperations: { id: number; services: string[] }[];
}
interface NpcFile {
  factions: SdeFaction[];
  races: SdeRace[];
  bloodlines: SdeBloodline[];
  corporations: SdeNpcCorporation[];
  agents: SdeAgent[];
}

function readExtract<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), "utf8")) as T;
}

function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

const byId = <T extends { id: number }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

const ROMAN = [
  "",
  "I",
  "II",
  "III",
  "IV",
  "V",
  "VI",
  "VII",
  "VIII",
  "IX",
  "X",
  "XI",
  "XII",
  "XIII",
  "XIV",
  "XV",
  "XVI",
  "XVII",
  "XVIII",
  "XIX",
  "XX",
];

const typeData = lazy(() => {
  const file = readExtract<TypesFile>("types.json");
  const groups = byId(file.groups);
  const categoryOfType = (t: SdeType) => groups.get(t.groupId)?.categoryId ?? 0;
  return {
    ...file,
    categoryById: byId(file.categories),
    groupById: groups,
    typeById: byId(file.types),
    schematicById: byId(file.schematics),
    typesByGroup: groupBy(file.types, (t) => t.groupId),
    typesByCategory: groupBy(file.types, categoryOfType),
    groupsByCategory: groupBy(file.groups, (g) => g.categoryId),
  };
});

const universeData = lazy(() => {
  const file = readExtract<UniverseFile>("universe.json");
  const systemById = byId(file.systems);
  const planets = file.systems.flatMap((s) =>
    s.planets.map(
      ([id, typeId, index]): SdePlanet => ({ id, typeId, systemId: s.id, name: `${s.name} ${ROMAN[index] ?? index}` }),
    ),
  );
  return {
    ...file,
    regionById: byId(file.regions),
    constellationById: byId(file.constellations),
    systemById,
    stationById: byId(file.stations),
    planetById: byId(planets),
    stationsBySystem: groupBy(file.stations, (s) => s.systemId),
    servicesByOperation: new Map(file.stationOperations.map((op) => [op.id, op.services])),
  };
});

const npcData = lazy(() => {
  const file = readExtract<NpcFile>("npc.json");
  return {
    ...file,
    factionById: byId(file.factions),
    raceById: byId(file.races),
    bloodlineById: byId(file.bloodlines),
    corporationById: byId(file.corporations),
    agentById: byId(file.agents),
  };
});

export const sdeTypes = () => typeData().types;
export const sdeGroups = () => typeData().groups;
export const sdeCategories = () => typeData().categories;
export const sdeSchematics = () => typeData().schematics;
export const sdeRegions = () => universeData().regions;
export const sdeConstellations = () => universeData().constellations;
export const sdeSystems = () => universeData().systems;
export const sdeStations = () => universeData().stations;
export const sdeFactions = () => npcData().factions;
export const sdeRaces = () => npcData().races;
export const sdeBloodlines = () => npcData().bloodlines;
export const sdeNpcCorporations = () => npcData().corporations;
export const sdeAgents = () => npcData().agents;

export const findType = (id: number) => typeData().typeById.get(id);
export const findGroup = (id: number) => typeData().groupById.get(id);
export const findCategory = (id: number) => typeData().categoryById.get(id);
export const findSchematic = (id: number) => typeData().schematicById.get(id);
export const findRegion = (id: number) => universeData().regionById.get(id);
export const findConstellation = (id: number) => universeData().constellationById.get(id);
export const findSystem = (id: number) => universeData().systemById.get(id);
export const findStation = (id: number) => universeData().stationById.get(id);
export const findPlanet = (id: number) => universeData().planetById.get(id);
export const findFaction = (id: number) => npcData().factionById.get(id);
export const findRace = (id: number) => npcData().raceById.get(id);
export const findBloodline = (id: number) => npcData().bloodlineById.get(id);
export const findNpcCorporation = (id: number) => npcData().corporationById.get(id);
export const findAgent = (id: number) => npcData().agentById.get(id);

export const typesInGroup = (groupId: number): readonly SdeType[] => typeData().typesByGroup.get(groupId) ?? [];
export const typesInCategory = (categoryId: number): readonly SdeType[] =>
  typeData().typesByCategory.get(categoryId) ?? [];
export const groupsInCategory = (categoryId: number): readonly SdeGroup[] =>
  typeData().groupsByCategory.get(categoryId) ?? [];
export const stationsInSystem = (systemId: number): readonly SdeStation[] =>
  universeData().stationsBySystem.get(systemId) ?? [];
export const stationServices = (station: SdeStation): readonly string[] =>
  universeData().servicesByOperation.get(station.operationId) ?? [];
export const categoryOfType = (type: SdeType): number => findGroup(type.groupId)?.categoryId ?? 0;
export const regionOfSystem = (system: SdeSystem): number => findConstellation(system.constellationId)?.regionId ?? 0;
