// The simulator's slice of CCP's static data (built by scripts/build-sde-extract.ts):
// the rows (rows.ts) and the lookups over the extract, read lazily (extract.ts).
import { npcData, typeData, universeData } from "./extract";
import type { SdeGroup, SdeStation, SdeSystem, SdeType } from "./rows";

export * from "./rows";

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
