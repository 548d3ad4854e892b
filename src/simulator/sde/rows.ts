// The rows of the SDE extract as the simulator reads them, and the dogma attribute
// ids the extract keeps.

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
