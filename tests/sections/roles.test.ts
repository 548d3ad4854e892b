// roles: diffed on (location, role); the simulator has no roles mutation, so a
// changed role set is simulated by damaging the stored rows.
import { describe, expect, it } from "vitest";
import { roleRows, roles } from "~/server/sections/roles";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";

const ROUTE = "/characters/{character_id}/roles";
const expected = (id: number) => roleRows(characterSection(id, "social")!.roles);
// A roster character with a few roles, so the diff has something to compare.
const CHARACTER = Array.from({ length: 12 }, (_, i) => 2112000001 + i).find((id) => expected(id).length >= 2)!;
const h = useSectionHarness(CHARACTER, roles);
const stored = async () =>
  (await h.db.characterRole.findMany({ where: { characterId: CHARACTER } }))
    .map((r) => ({ location: r.location, role: r.role }))
    .sort((a, b) => `${a.location}:${a.role}`.localeCompare(`${b.location}:${b.role}`));

describe("roles section", () => {
  it("is a feature-flagged section", () => {
    expect(roles.feature).toBe("roles");
  });

  it("loads every (location, role) on first run", async () => {
    const rows = expected(CHARACTER);
    expect(await h.run()).toEqual({ section: "roles", status: "updated", written: rows.length });
    expect(await stored()).toEqual(rows);
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("writes no section row when nothing changed, even when forced", async () => {
    expect((await h.run()).status).toBe("unchanged");
    h.sim.expireCaches(CHARACTER);
    expect((await h.run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(expected(CHARACTER));
  });

  it("writes only the roles that differ", async () => {
    const [first] = expected(CHARACTER);
    await h.db.characterRole.delete({ where: { characterId_location_role: { characterId: CHARACTER, ...first! } } });
    await h.db.characterRole.create({ data: { characterId: CHARACTER, location: "other", role: "Bogus" } });
    // Forget the stored hash so the run compares rows rather than skipping.
    await h.forgetContentHash();
    h.sim.expireCaches(CHARACTER);
    expect(await h.run(true)).toEqual({ section: "roles", status: "updated", written: 2 });
    expect(await stored()).toEqual(expected(CHARACTER));
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    await h.expectFailureKeeps({ route: ROUTE, status: 503 }, stored);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
