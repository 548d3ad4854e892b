// Who exists: the 12 roster characters plus up to 99,999 synthetic ones
// (2113000001..2113099999) for load tests. A synthetic character's identity is
// a pure function of its id (not of the data seed), so public routes, names and
// affiliations stay stable whatever seed the character data uses.
import { type SimAccount, type SimCharacter, simCharacters, simCorporations } from "../roster";
import { DAY_MS, isoSeconds, SYNTHETIC_FIRST_ID, SYNTHETIC_LAST_ID } from "./ids";
import { Rng } from "./prng";

// 26 x 10 first names and 20 x 20 last names: 104,000 distinct names, enough
// for a bijection from the 99,999 synthetic ids (see nameNumber).
const FIRST_STEMS = [
  "Ar",
  "Bel",
  "Cor",
  "Dra",
  "El",
  "Fen",
  "Gal",
  "Hal",
  "Is",
  "Jor",
  "Kal",
  "Lys",
  "Mor",
  "Nel",
  "Or",
  "Pra",
  "Quin",
  "Ren",
  "Sal",
  "Tor",
  "Ul",
  "Val",
  "Wyn",
  "Xan",
  "Yor",
  "Zel",
];
const FIRST_ENDS = ["a", "en", "ia", "or", "us", "yn", "ara", "eth", "ix", "on"];
const LAST_STEMS = [
  "Ash",
  "Black",
  "Cold",
  "Dusk",
  "Ember",
  "Frost",
  "Grim",
  "High",
  "Iron",
  "Kess",
  "Long",
  "Mar",
  "North",
  "Oak",
  "Raven",
  "Silver",
  "Storm",
  "Thorn",
  "Vale",
  "West",
];
const LAST_ENDS = [
  "wood",
  "field",
  "bane",
  "croft",
  "holt",
  "mere",
  "ridge",
  "stone",
  "vane",
  "ward",
  "ar",
  "ov",
  "ski",
  "sen",
  "ari",
  "in",
  "ek",
  "ton",
  "wick",
  "dottir",
];
const NAME_SPACE = FIRST_STEMS.length * FIRST_ENDS.length * LAST_STEMS.length * LAST_ENDS.length;
// Coprime with NAME_SPACE (2^6 * 5^3 * 13), so index -> name number is a permutation.
const NAME_MULTIPLIER = 7919;
const NAME_OFFSET = 31337;

/** Playable race/bloodline pairs (CCP ids). */
const BLOODLINES: readonly (readonly [race: number, bloodline: number])[] = [
  [1, 1],
  [1, 2],
  [1, 11],
  [2, 3],
  [2, 4],
  [2, 14],
  [4, 5],
  [4, 6],
  [4, 13],
  [8, 7],
  [8, 8],
  [8, 12],
];

const ACCOUNTS: readonly SimAccount[] = ["A", "B", "C", "D"];

export function isSyntheticCharacterId(id: number): boolean {
  return Number.isInteger(id) && id >= SYNTHETIC_FIRST_ID && id <= SYNTHETIC_LAST_ID;
}

function nameNumber(index: number): number {
  return (index * NAME_MULTIPLIER + NAME_OFFSET) % NAME_SPACE;
}

function nameOf(index: number): string {
  let n = nameNumber(index);
  const pickFrom = (list: readonly string[]) => {
    const item = list[n % list.length] ?? "";
    n = Math.floor(n / list.length);
    return item;
  };
  const first = pickFrom(FIRST_STEMS) + pickFrom(FIRST_ENDS);
  const last = pickFrom(LAST_STEMS) + pickFrom(LAST_ENDS);
  return `${first} ${last}`;
}

function modularInverse(value: number, modulus: number): number {
  let [r0, r1, t0, t1] = [modulus, value % modulus, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
  }
  return ((t0 % modulus) + modulus) % modulus;
}
const NAME_INVERSE = modularInverse(NAME_MULTIPLIER, NAME_SPACE);

/** The synthetic character named so, if any (exact, case-insensitive). */
export function findSyntheticCharacterIdByName(name: string): number | undefined {
  const wanted = name.trim().toLowerCase();
  const indexIn = (list: readonly string[], text: string) => list.findIndex((item) => item.toLowerCase() === text);
  const [first = "", last = "", ...rest] = wanted.split(" ");
  if (rest.length > 0) return undefined;
  // A stem may be a prefix of another stem ("Kal"/"Ka..."), so try every split.
  for (let i = 1; i < first.length; i++) {
    const a = indexIn(FIRST_STEMS, first.slice(0, i));
    const b = indexIn(FIRST_ENDS, first.slice(i));
    if (a < 0 || b < 0) continue;
    for (let j = 1; j < last.length; j++) {
      const c = indexIn(LAST_STEMS, last.slice(0, j));
      const d = indexIn(LAST_ENDS, last.slice(j));
      if (c < 0 || d < 0) continue;
      const n = a + FIRST_STEMS.length * (b + FIRST_ENDS.length * (c + LAST_STEMS.length * d));
      const index = (((n - NAME_OFFSET) % NAME_SPACE) + NAME_SPACE) % NAME_SPACE;
      const candidate = (index * NAME_INVERSE) % NAME_SPACE;
      const id = SYNTHETIC_FIRST_ID + candidate;
      if (id <= SYNTHETIC_LAST_ID) return id;
    }
  }
  return undefined;
}

const syntheticCache = new Map<number, SimCharacter>();

function syntheticCharacter(characterId: number): SimCharacter {
  const cached = syntheticCache.get(characterId);
  if (cached) return cached;
  const index = characterId - SYNTHETIC_FIRST_ID;
  const rng = new Rng("identity", characterId);
  const corporation = simCorporations[index % simCorporations.length] ?? simCorporations[0];
  if (!corporation) throw new Error("The roster has no corporations");
  const [raceId, bloodlineId] = rng.pick(BLOODLINES);
  // Birthdays from EVE's launch (2003-05-06) to 2025, more of them recent.
  const launch = Date.UTC(2003, 4, 6);
  const span = Date.UTC(2025, 11, 31) - launch;
  const birthday = launch + Math.floor(span * Math.sqrt(rng.next()));
  const character: SimCharacter = {
    characterId,
    name: nameOf(index),
    corporationId: corporation.corporationId,
    allianceId: corporation.allianceId,
    account: ACCOUNTS[index % ACCOUNTS.length] ?? "A",
    birthday: isoSeconds(birthday + rng.int(0, DAY_MS - 1)),
    gender: rng.chance(0.5) ? "male" : "female",
    raceId,
    bloodlineId,
    securityStatus: Math.round(Math.max(-10, Math.min(5, rng.gaussian() * 2.2 + 0.8)) * 100) / 100,
    description: rng.chance(0.3) ? "" : `Pilot of ${corporation.name}.`,
    achievementScore: rng.int(0, 3500),
    corporationTitle: undefined,
  };
  // Identities are small; the whole synthetic range fits, but stay bounded anyway.
  if (syntheticCache.size >= 100_000) syntheticCache.clear();
  syntheticCache.set(characterId, character);
  return character;
}

// The roster's own lookup scans a list; generators look pilots up millions of times.
const rosterById = new Map(simCharacters.map((c) => [c.characterId, c]));

/** A pilot's name without building its whole identity (journal descriptions need many). */
export function characterName(characterId: number): string | undefined {
  return (
    rosterById.get(characterId)?.name ??
    (isSyntheticCharacterId(characterId) ? nameOf(characterId - SYNTHETIC_FIRST_ID) : undefined)
  );
}

/** Roster or synthetic character, in the roster's shape; undefined for any other id. */
export function findAnyCharacter(characterId: number): SimCharacter | undefined {
  return (
    rosterById.get(characterId) ?? (isSyntheticCharacterId(characterId) ? syntheticCharacter(characterId) : undefined)
  );
}
