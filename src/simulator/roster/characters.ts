// The roster's twelve characters, with their accounts and corporations. Tests across
// the project rely on these exact ids, names and memberships, so change nothing here
// without updating them.
import { findSimCorporation } from "./organisations";

export type SimAccount = "A" | "B" | "C" | "D";

export interface SimCharacter {
  readonly characterId: number;
  readonly name: string;
  readonly corporationId: number;
  /** Follows from the corporation; stored here so callers need no second lookup. */
  readonly allianceId: number | undefined;
  readonly account: SimAccount;
  readonly birthday: string;
  readonly gender: "male" | "female";
  readonly raceId: number;
  readonly bloodlineId: number;
  readonly securityStatus: number;
  readonly description: string;
  readonly achievementScore: number;
  readonly corporationTitle: string | undefined;
}

type CharacterSeed = Omit<SimCharacter, "allianceId">;

// Race and bloodline ids follow CCP's static data: 1 Caldari (1 Deteis, 2 Civire,
// 11 Achura), 2 Minmatar (3 Sebiestor, 4 Brutor, 14 Vherokior), 4 Amarr (5 Amarr,
// 6 Ni-Kunni, 13 Khanid), 8 Gallente (7 Gallente, 8 Intaki, 12 Jin-Mei).
const characterSeeds: readonly CharacterSeed[] = [
  {
    characterId: 2112000001,
    name: "Aura Vexlin",
    corporationId: 98000001,
    account: "A",
    birthday: "2014-05-11T09:23:41Z",
    gender: "female",
    raceId: 1,
    bloodlineId: 1,
    securityStatus: 2.43,
    description: "Founder of Sim Industries.",
    achievementScore: 1840,
    corporationTitle: "CEO",
  },
  {
    characterId: 2112000002,
    name: "Torvan Kessari",
    corporationId: 98000001,
    account: "A",
    birthday: "2016-08-02T17:45:12Z",
    gender: "male",
    raceId: 2,
    bloodlineId: 4,
    securityStatus: -1.27,
    description: "Aura's industry alt. Mostly builds ammunition.",
    achievementScore: 615,
    corporationTitle: undefined,
  },
  {
    characterId: 2112000003,
    name: "Ilsa Marrow",
    corporationId: 98000001,
    account: "B",
    birthday: "2013-01-29T03:12:55Z",
    gender: "female",
    raceId: 4,
    bloodlineId: 6,
    securityStatus: 5,
    description: "Research director.",
    achievementScore: 2210,
    corporationTitle: "Director of Research",
  },
  {
    characterId: 2112000004,
    name: "Daren Holtz",
    corporationId: 98000002,
    account: "A",
    birthday: "2017-11-14T21:08:30Z",
    gender: "male",
    raceId: 8,
    bloodlineId: 7,
    securityStatus: 0.88,
    description: "Runs the mining fleet.",
    achievementScore: 930,
    corporationTitle: "CEO",
  },
  {
    characterId: 2112000005,
    name: "Kaelen Ostrava",
    corporationId: 98000002,
    account: "B",
    birthday: "2019-03-06T12:57:04Z",
    gender: "male",
    raceId: 1,
    bloodlineId: 2,
    securityStatus: 1.5,
    description: "",
    achievementScore: 410,
    corporationTitle: undefined,
  },
  {
    characterId: 2112000006,
    name: "Mira Tenshaw",
    corporationId: 98000002,
    account: "C",
    birthday: "2020-07-19T06:34:18Z",
    gender: "female",
    raceId: 8,
    bloodlineId: 12,
    securityStatus: 3.02,
    description: "Orca pilot and compression service.",
    achievementScore: 505,
    corporationTitle: undefined,
  },
  {
    characterId: 2112000007,
    name: "Jorund Vale",
    corporationId: 98000003,
    account: "C",
    birthday: "2012-10-23T14:16:27Z",
    gender: "male",
    raceId: 2,
    bloodlineId: 3,
    securityStatus: -0.35,
    description: "Jump freighter logistics.",
    achievementScore: 2675,
    corporationTitle: "CEO",
  },
  {
    characterId: 2112000008,
    name: "Seren Ackerly",
    corporationId: 98000003,
    account: "C",
    birthday: "2021-02-08T19:02:49Z",
    gender: "female",
    raceId: 4,
    bloodlineId: 13,
    securityStatus: 0.12,
    description: "Courier contracts, high-sec only.",
    achievementScore: 280,
    corporationTitle: undefined,
  },
  {
    characterId: 2112000009,
    name: "Brann Solberg",
    corporationId: 98000003,
    account: "D",
    birthday: "2015-09-17T08:50:13Z",
    gender: "male",
    raceId: 2,
    bloodlineId: 14,
    securityStatus: -4.76,
    description: "Hauls what others will not.",
    achievementScore: 1390,
    corporationTitle: undefined,
  },
  {
    characterId: 2112000010,
    name: "Nyx Caldor",
    corporationId: 98000004,
    account: "D",
    birthday: "2011-06-04T22:39:58Z",
    gender: "female",
    raceId: 1,
    bloodlineId: 11,
    securityStatus: -7.9,
    description: "Solo hunter in low-sec.",
    achievementScore: 3120,
    corporationTitle: "CEO",
  },
  {
    characterId: 2112000011,
    name: "Oskar Rhee",
    corporationId: 98000004,
    account: "D",
    birthday: "2018-12-27T10:11:36Z",
    gender: "male",
    raceId: 8,
    bloodlineId: 8,
    securityStatus: -2.05,
    description: "Scout.",
    achievementScore: 720,
    corporationTitle: undefined,
  },
  {
    characterId: 2112000012,
    name: "Talia Drennan",
    corporationId: 98000004,
    account: "D",
    birthday: "2022-04-15T15:27:21Z",
    gender: "female",
    raceId: 4,
    bloodlineId: 5,
    securityStatus: 0,
    description: "",
    achievementScore: 95,
    corporationTitle: undefined,
  },
];

export const simCharacters: readonly SimCharacter[] = Object.freeze(
  characterSeeds.map((seed) => ({ ...seed, allianceId: findSimCorporation(seed.corporationId)?.allianceId })),
);

export function findSimCharacter(characterId: number): SimCharacter | undefined {
  return simCharacters.find((c) => c.characterId === characterId);
}

export function simCorporationMembers(corporationId: number): SimCharacter[] {
  return simCharacters.filter((c) => c.corporationId === corporationId);
}
