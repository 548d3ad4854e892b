// A new install's warm-up: with no prices stored it loads CCP's list and the types it is
// given; started again (a restart) it asks ESI nothing, because the prices are fresh and
// the types known. The simulator's roster types are what the demo hands it.
import { describe, expect, it } from "vitest";
import { warmUpUniverse } from "~/server/universe/warm-up";
import { characterSection, rosterTypeIds } from "~/simulator/data";
import { simCharacters } from "~/simulator/roster";
import { useSimDatabase } from "../support/sim-database";

const env = useSimDatabase();

describe("warming up a new install", () => {
  it("the roster's types cover the first character's assets and skills", () => {
    const ids = new Set(rosterTypeIds());
    const first = simCharacters[0]!.characterId;
    const used = [
      ...characterSection(first, "assets")!.items.map((i) => i.type_id),
      ...characterSection(first, "skills")!.skills.skills.map((s) => s.skill_id),
    ];
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("loads market prices when none are stored, and the given types with their groups", async () => {
    const typeIds = rosterTypeIds().slice(0, 60);
    const result = await warmUpUniverse(env.deps, { typeIds });
    expect(result.prices).toBeGreaterThan(1000);
    expect(await env.db.eveMarketPrice.count()).toBe(result.prices);
    expect(result.types + result.typesFailed).toBe(typeIds.length);
    const stored = await env.db.eveType.findMany({ where: { id: { in: typeIds } }, include: { group: true } });
    expect(stored.length).toBe(result.types);
    expect(stored.every((t) => t.group.name.length > 0)).toBe(true);
  });

  it("asks ESI nothing on the next start: prices fresh, types known", async () => {
    env.sim.resetStats();
    const result = await warmUpUniverse(env.deps, { typeIds: rosterTypeIds().slice(0, 60) });
    expect(result).toEqual({ prices: 0, types: 0, typesFailed: 0 });
    expect(env.sim.stats().requests).toBe(0);
  });

  it("refreshes prices a day old", async () => {
    const now = new Date(Date.now() + 24 * 3_600_000);
    expect((await warmUpUniverse(env.deps, { now })).prices).toBeGreaterThan(1000);
  });
});
