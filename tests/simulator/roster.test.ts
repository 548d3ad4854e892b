// The roster is a contract other tests build on: ids, memberships and accounts must not drift.
import { describe, expect, it } from "vitest";
import {
  findSimAlliance,
  findSimCharacter,
  findSimCorporation,
  simAlliances,
  simCharacters,
  simCorporations,
} from "~/simulator/roster";

describe("simulator roster", () => {
  it("has the two alliances and four corporations with their tickers and alliances", () => {
    expect(simAlliances.map((a) => [a.allianceId, a.name, a.ticker])).toEqual([
      [99000001, "Simulated Alliance", "SIMA"],
      [99000002, "Other Alliance", "OTHA"],
    ]);
    expect(simCorporations.map((c) => [c.corporationId, c.name, c.ticker, c.allianceId])).toEqual([
      [98000001, "Sim Industries", "SIMI", 99000001],
      [98000002, "Mock Mining Corp", "MOCK", 99000001],
      [98000003, "Test Haulers", "HAUL", 99000002],
      [98000004, "Lone Wolves", "LONE", undefined],
    ]);
  });

  it("has twelve characters, three per corporation in id order, with distinct names", () => {
    expect(simCharacters.map((c) => c.characterId)).toEqual(Array.from({ length: 12 }, (_, i) => 2112000001 + i));
    expect(simCharacters.map((c) => c.corporationId)).toEqual([
      98000001, 98000001, 98000001, 98000002, 98000002, 98000002, 98000003, 98000003, 98000003, 98000004, 98000004,
      98000004,
    ]);
    expect(new Set(simCharacters.map((c) => c.name)).size).toBe(12);
    expect(simCharacters[0]!.name).toBe("Aura Vexlin");
    for (const c of simCharacters) expect(c.allianceId).toBe(findSimCorporation(c.corporationId)!.allianceId);
  });

  it("groups characters into accounts A-D", () => {
    const byAccount = (account: string) =>
      simCharacters.filter((c) => c.account === account).map((c) => c.characterId - 2112000000);
    expect(byAccount("A")).toEqual([1, 2, 4]);
    expect(byAccount("B")).toEqual([3, 5]);
    expect(byAccount("C")).toEqual([6, 7, 8]);
    expect(byAccount("D")).toEqual([9, 10, 11, 12]);
  });

  it("keeps public attributes inside EVE's ranges", () => {
    const bloodlinesByRace: Record<number, number[]> = { 1: [1, 2, 11], 2: [3, 4, 14], 4: [5, 6, 13], 8: [7, 8, 12] };
    for (const c of simCharacters) {
      expect(bloodlinesByRace[c.raceId]).toContain(c.bloodlineId);
      expect(c.securityStatus).toBeGreaterThanOrEqual(-10);
      expect(c.securityStatus).toBeLessThanOrEqual(5);
      expect(Date.parse(c.birthday)).toBeLessThan(Date.parse("2026-01-01T00:00:00Z"));
      expect(["male", "female"]).toContain(c.gender);
    }
  });

  it("finds by id and returns undefined for strangers", () => {
    expect(findSimCharacter(2112000010)?.name).toBe("Nyx Caldor");
    expect(findSimCharacter(1)).toBeUndefined();
    expect(findSimCorporation(98000003)?.ticker).toBe("HAUL");
    expect(findSimAlliance(99000003)).toBeUndefined();
  });
});
