// Pools of static data the generators draw from (ships per role, modules per
// slot, ores, stations by security band ...), built once from the SDE extract,
// plus the simulator's market prices and its few player-owned structures.
import {
  categoryOfType,
  DOGMA,
  type ModuleSlot,
  type SdeStation,
  type SdeSystem,
  type SdeType,
  findSystem,
  findType,
  sdeAgents,
  sdeNpcCorporations,
  sdeStations,
  sdeTypes,
  typesInCategory,
  typesInGroup,
} from "../sde";
import { Rng } from "./prng";

export type SecurityBand = "high" | "low" | "null";

export interface SkillInfo {
  readonly type: SdeType;
  readonly rank: number;
  readonly primary: number;
  readonly secondary: number;
  readonly requires: readonly (readonly [skillId: number, level: number])[];
}

export interface PlayerStructure {
  readonly id: number;
  readonly name: string;
  readonly ownerId: number;
  readonly systemId: number;
  readonly typeId: number;
  readonly position: readonly [number, number, number];
  /** Corporations whose members may see it; undefined = everyone (a public ACL). */
  readonly corporationIds?: readonly number[];
}

/** Attribute dogma ids in ESI order: charisma, intelligence, memory, perception, willpower. */
export const ATTRIBUTE_IDS = {
  charisma: 164,
  intelligence: 165,
  memory: 166,
  perception: 167,
  willpower: 168,
} as const;

/** Ship groups (CCP group ids) by the role a character flies them in. */
export const SHIP_GROUPS = {
  rookie: [237, 25, 420, 31],
  combat: [25, 420, 26, 419, 1201, 27, 324, 831, 830, 834, 358, 833, 906, 963, 541, 894, 1305, 1534, 893, 540],
  capital: [547, 485, 1538, 4594],
  ratting: [27, 900, 419, 26, 358, 898],
  mining: [463, 543, 941, 883, 28],
  hauling: [28, 380, 1202, 513, 902, 31],
  industry: [28, 31, 513, 25, 1283, 1022],
} as const;

/** Player structures the simulator knows. Ids sit below the synthetic item ranges. */
export const PLAYER_STRUCTURES: readonly PlayerStructure[] = [
  {
    id: 1_035_466_617_946,
    name: "Perimeter - Simulated Trade Tower",
    ownerId: 98000001,
    systemId: 30000144,
    typeId: 35834,
    position: [2.1e11, 1.2e10, -8.8e11],
  },
  {
    id: 1_035_466_617_947,
    name: "Amarr - Sim Industries Fortizar",
    ownerId: 98000001,
    systemId: 30002187,
    typeId: 35833,
    position: [-1.4e11, 3.3e9, 4.2e11],
  },
  {
    id: 1_035_466_617_948,
    name: "Dodixie - Mock Mining Athanor",
    ownerId: 98000002,
    systemId: 30002659,
    typeId: 35835,
    position: [6.2e10, -4.1e9, 1.9e11],
  },
  {
    id: 1_035_466_617_949,
    name: "Rens - Test Haulers Raitaru",
    ownerId: 98000003,
    systemId: 30002510,
    typeId: 35825,
    position: [-3.3e11, 7.7e9, -2.6e11],
  },
  {
    id: 1_035_466_617_950,
    name: "Lone Wolves Den",
    ownerId: 98000004,
    systemId: 30045306,
    typeId: 35832,
    position: [9.4e10, 1.1e9, 5.5e10],
    corporationIds: [98000004],
  },
];

function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

const published = (types: readonly SdeType[]) => types.filter((t) => t.published);

export const skills = lazy((): SkillInfo[] =>
  published(typesInCategory(16))
    .filter((t) => t.dogma?.[DOGMA.skillTimeConstant] !== undefined)
    .map((type) => ({
      type,
      rank: type.dogma?.[DOGMA.skillTimeConstant] ?? 1,
      primary: type.dogma?.[DOGMA.primaryAttribute] ?? ATTRIBUTE_IDS.intelligence,
      secondary: type.dogma?.[DOGMA.secondaryAttribute] ?? ATTRIBUTE_IDS.memory,
      requires: requiredSkills(type),
    })),
);

const skillById = lazy(() => new Map(skills().map((s) => [s.type.id, s])));
export const findSkill = (typeId: number) => skillById().get(typeId);

function requiredSkills(type: SdeType): [number, number][] {
  return DOGMA.requiredSkills.flatMap(([skillAttr, levelAttr]) => {
    const skill = type.dogma?.[skillAttr];
    return skill ? [[skill, type.dogma?.[levelAttr] ?? 1] as [number, number]] : [];
  });
}

const shipsCache = new Map<readonly number[], SdeType[]>();
/** Published hulls of the groups; memoised per (constant) group list. */
export function shipsOfGroups(groups: readonly number[]): SdeType[] {
  let ships = shipsCache.get(groups);
  if (!ships) {
    ships = groups.flatMap((g) => published(typesInGroup(g)));
    shipsCache.set(groups, ships);
  }
  return ships;
}

export const modulesBySlot = lazy(() => {
  const out: Record<ModuleSlot, SdeType[]> = { hi: [], med: [], lo: [], rig: [], sub: [] };
  for (const t of published(typesInCategory(7))) if (t.slot) out[t.slot].push(t);
  return out;
});

export const charges = lazy(() => published(typesInCategory(8)));
export const drones = lazy(() =>
  published(typesInCategory(18)).filter((t) => t.groupId === 100 || t.groupId === 101 || t.groupId === 640),
);
export const minerals = lazy(() => published(typesInGroup(18)));
export const materials = lazy(() => published(typesInCategory(4)));
export const planetaryCommodities = lazy(() => published(typesInCategory(43)));
export const blueprints = lazy(() => published(typesInCategory(9)).filter((t) => t.productTypeId !== undefined));
export const deployables = lazy(() => published(typesInCategory(22)));
export const containers = lazy(() => [12, 340, 448, 649].flatMap((g) => published(typesInGroup(g))));
export const boosters = lazy(() => published(typesInGroup(303)));
/** Raw ore as mined (no compressed or batch-compressed variants). */
export const ores = lazy(() => published(typesInCategory(25)).filter((t) => !/compressed|batch/i.test(t.name)));
export const iceOres = lazy(() => ores().filter((t) => t.groupId === 465));
export const asteroidOres = lazy(() => ores().filter((t) => t.groupId >= 450 && t.groupId <= 469 && t.groupId !== 465));

/** Implants by slot 1..10 (attribute 331). */
export const implantsBySlot = lazy(() => {
  const out = new Map<number, SdeType[]>();
  for (const t of published(typesInGroup(300))) {
    const slot = t.dogma?.[DOGMA.implantSlot];
    if (!slot) continue;
    out.set(slot, [...(out.get(slot) ?? []), t]);
  }
  return out;
});

export function securityBand(system: SdeSystem): SecurityBand {
  // ESI's rounding: 0.45 and up displays as 0.5 (high-sec).
  if (system.security >= 0.45) return "high";
  return system.security > 0 ? "low" : "null";
}

export const stationsByBand = lazy(() => {
  const out: Record<SecurityBand, SdeStation[]> = { high: [], low: [], null: [] };
  for (const station of sdeStations()) {
    const system = findSystem(station.systemId);
    if (system) out[securityBand(system)].push(station);
  }
  return out;
});

/** NPC corporations that run stations in the extract: the ones standings and LP come from. */
export const activeNpcCorporations = lazy(() => {
  const owners = new Set(sdeStations().map((s) => s.ownerId));
  return sdeNpcCorporations().filter((c) => owners.has(c.id) && c.factionId !== undefined);
});

export const agents = () => sdeAgents();

export const findStructure = (id: number) => PLAYER_STRUCTURES.find((s) => s.id === id);

export function structureVisibleTo(structure: PlayerStructure, corporationId: number): boolean {
  return !structure.corporationIds || structure.corporationIds.includes(corporationId);
}

/** Types with a market: what /markets/prices lists and what trading draws from. */
export const marketTypes = lazy(() => sdeTypes().filter((t) => t.published && t.marketGroupId !== undefined));

// Fallback value per category where CCP's base price is missing or zero.
const CATEGORY_VALUE: Record<number, number> = {
  4: 300,
  6: 5e6,
  7: 4e5,
  8: 60,
  9: 8e6,
  16: 6e5,
  18: 2.5e5,
  20: 4e6,
  22: 6e6,
  25: 120,
  41: 1e5,
  43: 8000,
  65: 8e8,
};
const priceCache = new Map<number, number>();

/** A stable "Jita" price per type; the same for every caller and run. */
export function averagePrice(typeId: number): number {
  const cached = priceCache.get(typeId);
  if (cached !== undefined) return cached;
  const type = findType(typeId);
  const base =
    type?.basePrice && type.basePrice > 0
      ? type.basePrice
      : type
        ? (CATEGORY_VALUE[categoryOfType(type)] ?? 1000)
        : 1000;
  const price = Math.round(base * new Rng("price", typeId).logNormal(1.1, 0.35) * 100) / 100;
  priceCache.set(typeId, price);
  return price;
}
