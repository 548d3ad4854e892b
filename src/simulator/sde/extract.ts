// The extract's three JSON files, each read and indexed on first use only, so
// processes that never touch character data (SSO tests, the app) pay nothing for it.
import { readFileSync } from "node:fs";
import type {
  SdeAgent,
  SdeBloodline,
  SdeCategory,
  SdeConstellation,
  SdeFaction,
  SdeGroup,
  SdeNpcCorporation,
  SdePlanet,
  SdeRace,
  SdeRegion,
  SdeSchematic,
  SdeStation,
  SdeSystem,
  SdeType,
} from "./rows";

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

export const typeData = lazy(() => {
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

export const universeData = lazy(() => {
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

export const npcData = lazy(() => {
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
