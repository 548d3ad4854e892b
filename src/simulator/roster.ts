// The simulator's fixed universe: who exists, where they belong and which EVE
// account owns them. Tests across the project rely on these exact ids, names and
// memberships, so change nothing here without updating them.

export type SimAccount = "A" | "B" | "C" | "D";

export interface SimAlliance {
  readonly allianceId: number;
  readonly name: string;
  readonly ticker: string;
  readonly dateFounded: string;
  readonly creatorCorporationId: number;
  readonly creatorId: number;
  readonly executorCorporationId: number;
}

export interface SimCorporation {
  readonly corporationId: number;
  readonly name: string;
  readonly ticker: string;
  readonly allianceId: number | undefined;
  readonly ceoId: number;
  readonly creatorId: number;
  readonly dateFounded: string;
  readonly description: string;
  readonly homeStationId: number;
  readonly shares: number;
  readonly taxRate: number;
  readonly url: string;
  readonly warEligible: boolean;
}

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

// Jita IV - Moon 4 - Caldari Navy Assembly Plant: a station every EVE tool knows.
const JITA_4_4 = 60003760;

export const simAlliances: readonly SimAlliance[] = Object.freeze([
  {
    allianceId: 99000001,
    name: "Simulated Alliance",
    ticker: "SIMA",
    dateFounded: "2016-04-02T19:14:00Z",
    creatorCorporationId: 98000001,
    creatorId: 2112000001,
    executorCorporationId: 98000001,
  },
  {
    allianceId: 99000002,
    name: "Other Alliance",
    ticker: "OTHA",
    dateFounded: "2018-09-21T08:41:00Z",
    creatorCorporationId: 98000003,
    creatorId: 2112000007,
    executorCorporationId: 98000003,
  },
]);

export const simCorporations: readonly SimCorporation[] = Object.freeze([
  {
    corporationId: 98000001,
    name: "Sim Industries",
    ticker: "SIMI",
    allianceId: 99000001,
    ceoId: 2112000001,
    creatorId: 2112000001,
    dateFounded: "2015-11-03T12:30:00Z",
    description: "Manufacturing and research for the Simulated Alliance.",
    homeStationId: JITA_4_4,
    shares: 1000,
    taxRate: 0.1,
    url: "",
    warEligible: true,
  },
  {
    corporationId: 98000002,
    name: "Mock Mining Corp",
    ticker: "MOCK",
    allianceId: 99000001,
    ceoId: 2112000004,
    creatorId: 2112000004,
    dateFounded: "2016-02-17T07:05:00Z",
    description: "Ore, ice and moon goo, delivered on schedule.",
    homeStationId: JITA_4_4,
    shares: 1000,
    taxRate: 0.05,
    url: "",
    warEligible: true,
  },
  {
    corporationId: 98000003,
    name: "Test Haulers",
    ticker: "HAUL",
    allianceId: 99000002,
    ceoId: 2112000007,
    creatorId: 2112000007,
    dateFounded: "2017-06-30T21:48:00Z",
    description: "Freight between trade hubs. No questions about the cargo.",
    homeStationId: JITA_4_4,
    shares: 1000,
    taxRate: 0.08,
    url: "",
    warEligible: true,
  },
  {
    corporationId: 98000004,
    name: "Lone Wolves",
    ticker: "LONE",
    allianceId: undefined,
    ceoId: 2112000010,
    creatorId: 2112000010,
    dateFounded: "2019-01-12T16:20:00Z",
    description: "Independent pilots who answer to nobody.",
    homeStationId: JITA_4_4,
    shares: 1000,
    taxRate: 0,
    url: "",
    warEligible: false,
  },
]);

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

export function findSimCorporation(corporationId: number): SimCorporation | undefined {
  return simCorporations.find((c) => c.corporationId === corporationId);
}

export function findSimAlliance(allianceId: number): SimAlliance | undefined {
  return simAlliances.find((a) => a.allianceId === allianceId);
}

export function simCorporationMembers(corporationId: number): SimCharacter[] {
  return simCharacters.filter((c) => c.corporationId === corporationId);
}
