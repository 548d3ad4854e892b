// planets: object diff keyed by planet; only new, changed and abandoned colonies cost writes.
import { describe, expect, it } from "vitest";
import { planets } from "~/server/sections/planets";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000001;
const h = useSectionHarness(CHARACTER, planets);
const stored = () => h.db.characterPlanet.findMany({ where: { characterId: CHARACTER }, orderBy: { planetId: "asc" } });
const expected = () =>
  characterSection(CHARACTER, "planets")!
    .colonies.map((p) => ({
      characterId: CHARACTER,
      planetId: p.planet_id,
      solarSystemId: p.solar_system_id,
      planetType: p.planet_type,
      numPins: p.num_pins,
      upgradeLevel: p.upgrade_level,
      lastUpdate: new Date(p.last_update),
    }))
    .sort((a, b) => a.planetId - b.planetId);

describe("planets section", () => {
  it("loads the colonies on first run", async () => {
    const outcome = await h.run();
    expect(expected().length).toBeGreaterThan(0);
    expect(outcome).toEqual({ section: "planets", status: "updated", written: expected().length });
    expect(await stored()).toEqual(expected());
  });

  it("writes no section row when nothing changed", async () => {
    expect((await h.run()).status).toBe("unchanged");
    expect((await h.run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(expected());
  });

  it("writes only the colonies that differ: changed, missing and abandoned", async () => {
    const [first, second] = expected();
    await h.db.characterPlanet.update({
      where: { characterId_planetId: { characterId: CHARACTER, planetId: first!.planetId } },
      data: { numPins: 999 },
    });
    if (second)
      await h.db.characterPlanet.delete({
        where: { characterId_planetId: { characterId: CHARACTER, planetId: second.planetId } },
      });
    await h.db.characterPlanet.create({
      data: {
        characterId: CHARACTER,
        planetId: 40000001,
        solarSystemId: 30000001,
        planetType: "barren",
        numPins: 1,
        upgradeLevel: 0,
        lastUpdate: new Date(),
      },
    });
    await h.forgetContentHash();
    expect(await h.run(true)).toEqual({ section: "planets", status: "updated", written: second ? 3 : 2 });
    expect(await stored()).toEqual(expected());
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    await h.expectFailureKeeps("/characters/{character_id}/planets", stored);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
