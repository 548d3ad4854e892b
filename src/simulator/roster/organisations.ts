// The roster's two alliances and four corporations. Tests across the project rely
// on these exact ids, names and memberships, so change nothing here without updating them.

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

export function findSimCorporation(corporationId: number): SimCorporation | undefined {
  return simCorporations.find((c) => c.corporationId === corporationId);
}

export function findSimAlliance(allianceId: number): SimAlliance | undefined {
  return simAlliances.find((a) => a.allianceId === allianceId);
}
