// The shared location table: stations, systems and structures resolved once and
// refreshed after 24 h; a structure the pilot may not see becomes a placeholder;
// a failing look-up keeps what is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { LOCATION_STALE_MS, resolveLocations } from "~/server/universe/locations";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../support/simulator";
import { createTestDatabase, type TestDatabase } from "../support/database";

const BRANN = 2112000009; // corporation 98000003: no access to the Lone Wolves Den
const NYX = 2112000010; // corporation 98000004: owns the Den
const JITA_4_4 = 60003760n;
const JITA = 30000142n;
const TRADE_TOWER = 1_035_466_617_946n;
const DEN = 1_035_466_617_950n;
const SCOPES = ["esi-universe.read_structures.v1"];

let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;
const resolve = (characterId: number, ids: bigint[]) => resolveLocations({ db: t.db, esi }, characterId, ids);
const row = (id: bigint) => t.db.location.findUniqueOrThrow({ where: { id } });
const age = (id: bigint) =>
  t.db.location.update({ where: { id }, data: { updatedAt: new Date(Date.now() - LOCATION_STALE_MS - 60_000) } });

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  await registerWithToken(t.db, started.url, BRANN, { scopes: SCOPES });
  await registerWithToken(t.db, started.url, NYX, { scopes: SCOPES });
  esi = makeClient(t.db, started.url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("resolveLocations", () => {
  it("resolves stations, systems, structures and special ids", async () => {
    expect(await resolve(BRANN, [JITA_4_4, JITA, TRADE_TOWER, 2004n, 888n, 4242n, JITA])).toBe(6);
    expect(await row(JITA_4_4)).toMatchObject({ category: "station", isPlaceholder: false, solarSystemId: 30000142 });
    expect((await row(JITA_4_4)).name).toContain("Jita IV");
    expect(await row(JITA)).toMatchObject({ category: "solar_system", name: "Jita", solarSystemId: 30000142 });
    expect(await row(TRADE_TOWER)).toMatchObject({
      category: "structure",
      name: "Perimeter - Simulated Trade Tower",
      ownerId: 98000001,
      isPlaceholder: false,
    });
    expect(await row(2004n)).toMatchObject({ name: "ASSET SAFETY", typeId: 60 });
    expect(await row(4242n)).toMatchObject({ category: "unknown", isPlaceholder: true });
  });

  it("stores a structure without docking access as a placeholder, not an error", async () => {
    expect(await resolve(BRANN, [DEN])).toBe(1);
    expect(await row(DEN)).toMatchObject({
      name: `Unknown structure ${DEN}`,
      category: "structure",
      isPlaceholder: true,
    });
  });

  it("asks nothing for fresh rows and refreshes stale ones after 24 h", async () => {
    expect(await resolve(BRANN, [JITA_4_4, JITA, TRADE_TOWER])).toBe(0);
    await age(JITA);
    expect(await resolve(BRANN, [JITA_4_4, JITA, TRADE_TOWER])).toBe(1);
    expect((await row(JITA)).updatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("replaces a placeholder once a pilot with access resolves it, and keeps it against later 403s", async () => {
    await age(DEN);
    expect(await resolve(NYX, [DEN])).toBe(1);
    expect(await row(DEN)).toMatchObject({ name: "Lone Wolves Den", isPlaceholder: false, ownerId: 98000004 });
    await age(DEN);
    expect(await resolve(BRANN, [DEN])).toBe(0);
    expect(await row(DEN)).toMatchObject({ name: "Lone Wolves Den", isPlaceholder: false });
  });

  it("keeps the stored row when ESI fails", async () => {
    const before = await age(JITA_4_4);
    sim.injectFault({ route: "/universe/stations/{station_id}", kind: "status", status: 500 });
    esi.clearMemory();
    const written = await resolve(BRANN, [JITA_4_4]);
    sim.clearFaults();
    expect(written).toBe(0);
    expect(await row(JITA_4_4)).toEqual(before);
  });
});
