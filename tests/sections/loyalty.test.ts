// loyalty: key/value diff on the corporation; only changed keys cost writes.
import { describe, expect, it } from "vitest";
import { loyalty } from "~/server/sections/loyalty";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000002;
const h = useSectionHarness(CHARACTER, loyalty);
const stored = () =>
  h.db.characterLoyaltyEntry.findMany({ where: { characterId: CHARACTER }, orderBy: { corporationId: "asc" } });
const expected = () =>
  characterSection(CHARACTER, "social")!
    .loyalty.map((e) => ({ characterId: CHARACTER, corporationId: e.corporation_id, loyaltyPoints: e.loyalty_points }))
    .sort((a, b) => a.corporationId - b.corporationId);

describe("loyalty section", () => {
  it("loads the loyalty points on first run", async () => {
    expect(loyalty.defaultStaleMinutes).toBe(480);
    const outcome = await h.run();
    expect(expected().length).toBeGreaterThan(0);
    expect(outcome).toEqual({ section: "loyalty", status: "updated", written: expected().length });
    expect(await stored()).toEqual(expected());
    expect(h.reported.entities.flat().sort((a, b) => a - b)).toEqual(expected().map((e) => e.corporationId));
  });

  it("writes no section row when nothing changed", async () => {
    expect((await h.run()).status).toBe("unchanged");
    expect((await h.run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(expected());
  });

  it("writes only the keys that differ: changed, missing and obsolete", async () => {
    const [first, second] = expected();
    await h.db.characterLoyaltyEntry.update({
      where: { characterId_corporationId: { characterId: CHARACTER, corporationId: first!.corporationId } },
      data: { loyaltyPoints: 1 },
    });
    if (second)
      await h.db.characterLoyaltyEntry.delete({
        where: { characterId_corporationId: { characterId: CHARACTER, corporationId: second.corporationId } },
      });
    await h.db.characterLoyaltyEntry.create({
      data: { characterId: CHARACTER, corporationId: 1000001, loyaltyPoints: 5 },
    });
    await h.forgetContentHash();
    const outcome = await h.run(true);
    expect(outcome).toEqual({ section: "loyalty", status: "updated", written: second ? 3 : 2 });
    expect(await stored()).toEqual(expected());
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    await h.expectFailureKeeps("/characters/{character_id}/loyalty/points", stored);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
