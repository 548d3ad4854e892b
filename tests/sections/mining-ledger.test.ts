// mining_ledger: accumulated per (date, system, type); changed quantities are
// updated, rows ESI no longer reports are kept.
import { describe, expect, it } from "vitest";
import { miningLedger } from "~/server/sections/mining-ledger";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000004;
const h = useSectionHarness(CHARACTER, miningLedger);
const stored = () =>
  h.db.characterMiningLedgerEntry.findMany({
    where: { characterId: CHARACTER },
    orderBy: [{ date: "asc" }, { solarSystemId: "asc" }, { typeId: "asc" }],
  });
const expected = () =>
  characterSection(CHARACTER, "industry")!
    .mining.map((e) => ({
      characterId: CHARACTER,
      date: new Date(`${e.date}T00:00:00Z`),
      solarSystemId: e.solar_system_id,
      typeId: e.type_id,
      quantity: BigInt(e.quantity),
    }))
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.solarSystemId - b.solarSystemId || a.typeId - b.typeId);

describe("mining_ledger section", () => {
  it("loads the ledger on first run", async () => {
    const outcome = await h.run();
    expect(expected().length).toBeGreaterThan(0);
    expect(outcome).toEqual({ section: "mining_ledger", status: "updated", written: expected().length });
    expect(await stored()).toEqual(expected());
  });

  it("writes no section row when nothing changed", async () => {
    expect((await h.run()).status).toBe("unchanged");
    expect((await h.run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(expected());
  });

  it("upserts changed and missing rows and never deletes history", async () => {
    const [first, second] = expected();
    const where = (row: NonNullable<typeof first>) => ({
      characterId_date_solarSystemId_typeId: {
        characterId: CHARACTER,
        date: row.date,
        solarSystemId: row.solarSystemId,
        typeId: row.typeId,
      },
    });
    await h.db.characterMiningLedgerEntry.update({ where: where(first!), data: { quantity: 1n } });
    if (second) await h.db.characterMiningLedgerEntry.delete({ where: where(second) });
    const old = {
      characterId: CHARACTER,
      date: new Date("2020-01-01T00:00:00Z"),
      solarSystemId: 30000142,
      typeId: 1230,
      quantity: 42n,
    };
    await h.db.characterMiningLedgerEntry.create({ data: old });
    await h.forgetContentHash();
    expect(await h.run(true)).toEqual({ section: "mining_ledger", status: "updated", written: second ? 2 : 1 });
    expect(await stored()).toEqual([old, ...expected()]);
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    await h.expectFailureKeeps("/characters/{character_id}/mining", stored);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
