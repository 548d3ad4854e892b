// A character's play style, home and data volumes: the few decisions every
// section generator shares. The roster gets fixed, moderate volumes so tests
// stay fast; synthetic characters draw heavy-tailed volumes up to ESI's maxima.
import type { SimCharacter } from "../roster";
import { findStation, findSystem, regionOfSystem, type SdeStation, type SdeSystem, sdeSystems } from "../sde";
import { SHIP_GROUPS, type SecurityBand, stationsByBand } from "./catalog";
import { characterIndex, DAY_MS } from "./ids";
import { Rng } from "./prng";

export type Archetype = "industrialist" | "researcher" | "miner" | "hauler" | "trader" | "hunter" | "ratter" | "newbie";

export interface Volumes {
  readonly skills: number;
  readonly queue: number;
  readonly assets: number;
  readonly journal: number;
  readonly mails: number;
  readonly contacts: number;
  readonly contracts: number;
  readonly mining: number;
  readonly killmails: number;
  readonly notifications: number;
  readonly planets: number;
  readonly orders: number;
  readonly orderHistory: number;
  readonly fittings: number;
  readonly events: number;
  readonly jobs: number;
  readonly jumpClones: number;
  readonly implants: number;
  readonly loyalty: number;
  readonly standings: number;
  readonly medals: number;
}

export interface Profile {
  readonly archetype: Archetype;
  readonly isRoster: boolean;
  readonly homeStation: SdeStation;
  readonly homeSystem: SdeSystem;
  /** Systems of the home region: where the character mostly acts. */
  readonly localSystems: readonly SdeSystem[];
  readonly ageDays: number;
  /** Ship groups the character flies. */
  readonly shipGroups: readonly number[];
  /** Typical ISK scale of its wallet activity. */
  readonly wealth: number;
  readonly volumes: Volumes;
}

export interface CharacterContext {
  readonly seed: number;
  /** End of the generated history; later events come from mutations. */
  readonly anchorMs: number;
  readonly character: SimCharacter;
  readonly index: number;
  readonly profile: Profile;
  /** An independent random stream for one section (and optional sub-keys). */
  rng(section: string, ...keys: (string | number)[]): Rng;
}

const ROSTER_ARCHETYPES: readonly Archetype[] = [
  "industrialist",
  "industrialist",
  "researcher",
  "miner",
  "ratter",
  "miner",
  "hauler",
  "hauler",
  "trader",
  "hunter",
  "hunter",
  "newbie",
];

const ARCHETYPE_WEIGHTS: readonly (readonly [Archetype, number])[] = [
  ["industrialist", 15],
  ["researcher", 5],
  ["miner", 15],
  ["hauler", 10],
  ["trader", 10],
  ["hunter", 15],
  ["ratter", 20],
  ["newbie", 10],
];

const HOME_BAND: Record<Archetype, SecurityBand> = {
  industrialist: "high",
  researcher: "high",
  miner: "high",
  hauler: "high",
  trader: "high",
  hunter: "low",
  ratter: "null",
  newbie: "high",
};

const SHIPS_BY_ARCHETYPE: Record<Archetype, readonly number[]> = {
  industrialist: SHIP_GROUPS.industry,
  researcher: SHIP_GROUPS.industry,
  miner: SHIP_GROUPS.mining,
  hauler: SHIP_GROUPS.hauling,
  trader: [...SHIP_GROUPS.hauling, ...SHIP_GROUPS.industry],
  hunter: SHIP_GROUPS.combat,
  ratter: [...SHIP_GROUPS.ratting, ...SHIP_GROUPS.capital],
  newbie: SHIP_GROUPS.rookie,
};

// Jita IV - Moon 4 - Caldari Navy Assembly Plant: where traders and builders live.
const JITA_4_4 = 60003760;

function rosterVolumes(rng: Rng, archetype: Archetype, skills: number): Volumes {
  const is = (...kinds: Archetype[]) => kinds.includes(archetype);
  const orders = is("trader", "industrialist") ? rng.int(20, 200) : rng.int(0, 15);
  return {
    skills,
    queue: is("newbie") ? rng.int(8, 20) : rng.int(0, 25),
    assets: rng.int(300, 3000),
    journal: rng.int(500, 5000),
    mails: rng.int(40, 400),
    contacts: rng.int(15, 200),
    contracts: rng.int(5, 150),
    mining: is("miner") ? rng.int(100, 600) : rng.chance(0.3) ? rng.int(1, 40) : 0,
    killmails: is("hunter") ? rng.int(100, 400) : rng.int(0, 30),
    notifications: rng.int(30, 300),
    planets: is("industrialist", "miner", "researcher") ? rng.int(2, 6) : rng.int(0, 3),
    orders,
    orderHistory: orders * rng.int(2, 5),
    fittings: rng.int(5, 60),
    events: rng.int(3, 40),
    jobs: is("industrialist", "researcher") ? rng.int(20, 150) : rng.int(0, 10),
    jumpClones: rng.int(0, 6),
    implants: rng.int(0, 10),
    loyalty: rng.int(1, 12),
    standings: rng.int(10, 60),
    medals: rng.int(0, 4),
  };
}

function syntheticVolumes(rng: Rng, archetype: Archetype, skills: number): Volumes {
  const is = (...kinds: Archetype[]) => kinds.includes(archetype);
  return {
    skills,
    queue: rng.chance(0.2) ? 0 : rng.count(8, 0.8, 1, 50),
    assets: rng.count(800, 1.5, 0, 50_000),
    journal: rng.count(600, 1.6, 0, 50_000),
    mails: rng.count(120, 1.4, 0, 2000),
    contacts: rng.count(60, 1.2, 0, 1024),
    contracts: rng.count(20, 1.5, 0, 2500),
    mining: is("miner") ? rng.count(300, 1.0, 0, 5000) : rng.chance(0.2) ? rng.count(10, 1, 0, 200) : 0,
    killmails: is("hunter") ? rng.count(150, 1.0, 0, 999) : rng.count(4, 1.5, 0, 999),
    notifications: rng.count(100, 1.0, 0, 500),
    planets: rng.int(0, 6),
    orders: rng.count(is("trader") ? 120 : 8, 1.2, 0, 305),
    orderHistory: rng.count(is("trader") ? 600 : 30, 1.5, 0, 5000),
    fittings: rng.count(15, 1.0, 0, 500),
    events: rng.count(10, 1.0, 0, 200),
    jobs: is("industrialist", "researcher") ? rng.count(40, 1.2, 0, 2000) : rng.count(1, 1.5, 0, 100),
    jumpClones: rng.count(2, 1, 0, 10),
    implants: rng.int(0, 10),
    loyalty: rng.count(5, 0.8, 0, 40),
    standings: rng.count(25, 0.8, 1, 300),
    medals: rng.count(1, 1.2, 0, 30),
  };
}

function pickHome(rng: Rng, archetype: Archetype): SdeStation {
  if ((archetype === "trader" || archetype === "industrialist") && rng.chance(0.7)) {
    const jita = findStation(JITA_4_4);
    if (jita) return jita;
  }
  return rng.pick(stationsByBand()[HOME_BAND[archetype]]);
}

export function buildProfile(character: SimCharacter, seed: number, anchorMs: number): Profile {
  const index = characterIndex(character.characterId) ?? 0;
  const isRoster = index < ROSTER_ARCHETYPES.length;
  const rng = new Rng(seed, character.characterId, "profile");
  const archetype = isRoster ? (ROSTER_ARCHETYPES[index] ?? "newbie") : rng.weighted(ARCHETYPE_WEIGHTS);
  const homeStation = pickHome(rng, archetype);
  const homeSystem = findSystem(homeStation.systemId);
  if (!homeSystem) throw new Error(`Station ${homeStation.id} lies outside the extract`);
  const region = regionOfSystem(homeSystem);
  const ageDays = Math.max(1, Math.floor((anchorMs - Date.parse(character.birthday)) / DAY_MS));
  // Skill count grows with age: ~50 for a new pilot, up to 400 after a decade.
  const skillCap = archetype === "newbie" ? 80 : Math.min(400, 60 + Math.floor(ageDays / 10));
  const skills = rng.int(Math.min(50, skillCap), Math.max(50, skillCap));
  const volumes = isRoster ? rosterVolumes(rng, archetype, skills) : syntheticVolumes(rng, archetype, skills);
  return {
    archetype,
    isRoster,
    homeStation,
    homeSystem,
    localSystems: sdeSystems().filter((s) => regionOfSystem(s) === region),
    ageDays,
    shipGroups: SHIPS_BY_ARCHETYPE[archetype],
    wealth: archetype === "newbie" ? rng.logNormal(2e7, 0.8) : rng.logNormal(isRoster ? 3e8 : 2e8, 1.2),
    volumes,
  };
}
