// Synthetic data is a pure function of seed and character id: identical on
// regeneration and after cache eviction, different between characters and
// seeds; synthetic identities are stable, unique and resolvable by name.
import { beforeEach, describe, expect, it } from "vitest";
import {
  characterContext,
  configureSimData,
  findAnyCharacter,
  findSyntheticCharacterIdByName,
  resetSimData,
  simDataCacheStats,
  SYNTHETIC_FIRST_ID,
  SYNTHETIC_LAST_ID,
} from "~/simulator/data";
import { ID_SPACES } from "~/simulator/data/ids";
import { Rng } from "~/simulator/data/prng";
import { simCharacters, simCorporations } from "~/simulator/roster";
import { findStation, findSystem, findType, sdeStations, sdeSystems, sdeTypes, stationServices } from "~/simulator/sde";
import { snapshot } from "../support/sim-data-snapshot";

const ANCHOR = Date.UTC(2026, 10, 1);

beforeEach(() => {
  resetSimData();
  configureSimData({ seed: 1, anchorMs: ANCHOR, maxCachedCharacters: 2_000, maxCachedRecords: 600_000 });
});

describe("PRNG", () => {
  it("repeats a stream for the same key and separates different keys", () => {
    const a = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Rng(1, 2, "x")),
    );
    const b = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Rng(1, 2, "x")),
    );
    const c = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new Rng(1, 2, "y")),
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it("draws uniformly enough for the generators", () => {
    const rng = new Rng("uniform");
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) buckets[Math.floor(rng.next() * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });
});

describe("id spaces", () => {
  it("give each character a block no volume or mutation run can overflow", () => {
    const worst = {
      item: 60_000 + 9_100_000,
      journal: 50_000 * 2,
      transaction: 50_000,
      contract: 2_500 + 1000,
      contractItem: 2_500 * 60,
      bid: 2_500 * 8,
      mail: 2_000 + 3000,
      killmail: 999,
      event: 200,
      notification: 500,
      job: 2_000,
      order: 305 + 5_000,
      fitting: 500,
      jumpClone: 10,
    };
    for (const [space, count] of Object.entries(worst))
      expect(count, space).toBeLessThan(ID_SPACES[space as keyof typeof ID_SPACES].stride);
  });
});

describe("static data extract", () => {
  it("loads the map, stations and types with their lookups", () => {
    expect(sdeSystems().length).toBeGreaterThan(300);
    expect(sdeStations().length).toBeGreaterThan(500);
    expect(sdeTypes().length).toBeGreaterThan(5000);
    expect(findSystem(30000142)?.name).toBe("Jita");
    expect(findStation(60003760)?.name).toBe("Jita IV - Moon 4 - Caldari Navy Assembly Plant");
    expect(stationServices(findStation(60003760)!)).toContain("market");
    expect(findType(587)).toMatchObject({ name: "Rifter", groupId: 25 });
    const bands = { high: 0, low: 0, null: 0 };
    for (const s of sdeSystems()) bands[s.security >= 0.45 ? "high" : s.security > 0 ? "low" : "null"] += 1;
    expect(Math.min(bands.high, bands.low, bands.null)).toBeGreaterThan(40);
  });
});

describe("identities", () => {
  it("knows the roster and every synthetic id, and nothing else", () => {
    for (const c of simCharacters) expect(findAnyCharacter(c.characterId)).toBe(c);
    expect(findAnyCharacter(SYNTHETIC_FIRST_ID)?.name).toMatch(/^\S+ \S+$/);
    expect(findAnyCharacter(SYNTHETIC_LAST_ID)).toBeDefined();
    for (const id of [0, 2112000013, SYNTHETIC_FIRST_ID - 1, SYNTHETIC_LAST_ID + 1, 1.5])
      expect(findAnyCharacter(id)).toBeUndefined();
  });

  it("gives synthetic pilots unique names that resolve back, and roster corporations by id", () => {
    const names = new Set<string>();
    const corporations = new Map(simCorporations.map((corp) => [corp.corporationId, corp.allianceId]));
    const strays: number[] = [];
    for (let id = SYNTHETIC_FIRST_ID; id < SYNTHETIC_FIRST_ID + 3000; id++) {
      const c = findAnyCharacter(id)!;
      names.add(c.name);
      if (!corporations.has(c.corporationId) || corporations.get(c.corporationId) !== c.allianceId) strays.push(id);
    }
    expect(strays).toEqual([]);
    expect(names.size).toBe(3000);
    for (const id of [SYNTHETIC_FIRST_ID, 2113012345, 2113054321, SYNTHETIC_LAST_ID]) {
      expect(findSyntheticCharacterIdByName(findAnyCharacter(id)!.name)).toBe(id);
      expect(findSyntheticCharacterIdByName(findAnyCharacter(id)!.name.toUpperCase())).toBe(id);
    }
    expect(findSyntheticCharacterIdByName("Aura Vexlin")).toBeUndefined();
  });

  it("does not depend on the data seed", () => {
    const before = findAnyCharacter(2113000500);
    configureSimData({ seed: 99 });
    expect(findAnyCharacter(2113000500)).toEqual(before);
  });
});

describe("character data", () => {
  it("is the same for the same seed and character", () => {
    const first = snapshot(2112000002);
    const synthetic = snapshot(2113000077);
    resetSimData();
    configureSimData({ seed: 1, anchorMs: ANCHOR });
    expect(snapshot(2112000002)).toEqual(first);
    expect(snapshot(2113000077)).toEqual(synthetic);
  });

  it("differs between characters and between seeds", () => {
    const a = snapshot(2112000002);
    const b = snapshot(2112000003);
    for (const name of ["skills", "assets", "wallet", "mail", "contacts"] as const)
      expect(a[name]).not.toEqual(b[name]);
    configureSimData({ seed: 2 });
    const reseeded = snapshot(2112000002);
    for (const name of ["skills", "assets", "wallet", "mail", "contacts"] as const)
      expect(reseeded[name]).not.toEqual(a[name]);
  });

  it("comes back identical after LRU eviction and holds the cache to its bounds", () => {
    configureSimData({ maxCachedCharacters: 4 });
    const ids = Array.from({ length: 10 }, (_, i) => SYNTHETIC_FIRST_ID + 100 + i);
    const first = ids.map((id) => snapshot(id).assets + snapshot(id).wallet);
    expect(simDataCacheStats().characters).toBeLessThanOrEqual(4);
    expect(ids.map((id) => snapshot(id).assets + snapshot(id).wallet)).toEqual(first);
    configureSimData({ maxCachedCharacters: 2_000, maxCachedRecords: 5_000 });
    for (const id of ids) snapshot(id);
    expect(simDataCacheStats().characters).toBeLessThanOrEqual(3);
  });

  it("builds profiles that depend only on seed, id and anchor", () => {
    const profile = characterContext(2113000999)?.profile;
    resetSimData();
    configureSimData({ seed: 1, anchorMs: ANCHOR });
    expect(characterContext(2113000999)?.profile).toEqual(profile);
  });
});
