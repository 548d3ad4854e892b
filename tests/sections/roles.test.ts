// roles: diffed on (location, role); the simulator has no roles mutation, so a
// changed role set is simulated by damaging the stored rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { roleRows, roles } from "~/server/sections/roles";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { updateSection } from "~/server/updates/update-section";
import { characterSection } from "~/simulator/data";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

const ROUTE = "/characters/{character_id}/roles";
const expected = (id: number) => roleRows(characterSection(id, "social")!.roles);
// A roster character with a few roles, so the diff has something to compare.
const CHARACTER = Array.from({ length: 12 }, (_, i) => 2112000001 + i).find((id) => expected(id).length >= 2)!;
let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;
let url: string;
const run = (force = false) => updateSection({ db: t.db, esi }, CHARACTER, roles, { force, settings: DEFAULT_SECTION_SETTINGS });
const key = { characterId_section: { characterId: CHARACTER, section: "roles" } };
const status = () => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: key });
const stored = async () =>
  (await t.db.characterRole.findMany({ where: { characterId: CHARACTER } })).map((r) => ({ location: r.location, role: r.role })).sort((a, b) => `${a.location}:${a.role}`.localeCompare(`${b.location}:${b.role}`));

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  url = started.url;
  await registerWithToken(t.db, url, CHARACTER, { scopes: [...roles.scopes] });
  esi = makeClient(t.db, url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("roles section", () => {
  it("is a feature-flagged section", () => {
    expect(roles.feature).toBe("roles");
  });

  it("loads every (location, role) on first run", async () => {
    const rows = expected(CHARACTER);
    expect(await run()).toEqual({ section: "roles", status: "updated", written: rows.length });
    expect(await stored()).toEqual(rows);
    expect((await status()).isSuccess).toBe(true);
  });

  it("writes no section row when nothing changed, even when forced", async () => {
    expect((await run()).status).toBe("unchanged");
    sim.expireCaches(CHARACTER);
    expect((await run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(expected(CHARACTER));
  });

  it("writes only the roles that differ", async () => {
    const [first] = expected(CHARACTER);
    await t.db.characterRole.delete({ where: { characterId_location_role: { characterId: CHARACTER, ...first! } } });
    await t.db.characterRole.create({ data: { characterId: CHARACTER, location: "other", role: "Bogus" } });
    // Forget the stored hash so the run compares rows rather than skipping.
    await t.db.sectionUpdateStatus.update({ where: key, data: { contentHash: null } });
    sim.expireCaches(CHARACTER);
    expect(await run(true)).toEqual({ section: "roles", status: "updated", written: 2 });
    expect(await stored()).toEqual(expected(CHARACTER));
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    const before = await stored();
    sim.expireCaches(CHARACTER);
    sim.injectFault({ route: ROUTE, kind: "status", status: 503 });
    const outcome = await run(true);
    sim.clearFaults();
    expect(outcome.status).toBe("failed");
    expect((await status()).isSuccess).toBe(false);
    expect((await status()).errorMessage).toBeTruthy();
    expect(await stored()).toEqual(before);
  });

  it("records an invalid token as a token error", async () => {
    sim.revokeCharacterTokens(CHARACTER);
    await t.db.esiToken.update({ where: { characterId: CHARACTER }, data: { accessTokenExpiresAt: new Date(0) } });
    await esi.close();
    esi = makeClient(t.db, url);
    expect(await run(true)).toMatchObject({ status: "failed", tokenError: true });
    expect((await status()).isTokenError).toBe(true);
  });
});
