// contracts: the bids of an auction whose bids call failed are asked again on the next run, even once the auction
// has closed (found by the fault soak: a closed auction's bids were asked only while it was new).
import { describe, expect, it } from "vitest";
import { contracts } from "~/server/sections/contracts";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000004;
const h = useSectionHarness(CHARACTER, contracts);
const sim = () => characterSection(CHARACTER, "contracts")!;
const OPEN = new Set(["outstanding", "in_progress"]);

describe("contract bids", () => {
  it("asks a closed auction's bids again after they failed, and stores them once", async () => {
    const closedWithBids = sim().contracts.filter(
      (c) => c.type === "auction" && !OPEN.has(c.status) && (sim().bids.get(c.contract_id)?.length ?? 0) > 0,
    );
    // The case the test is about: without a closed auction holding bids it would prove nothing.
    expect(closedWithBids.length).toBeGreaterThan(0);
    h.sim.injectFault({
      route: "/characters/{character_id}/contracts/{contract_id}/bids",
      kind: "status",
      status: 500,
    });
    await h.run(true).finally(() => h.sim.clearFaults());
    expect(await h.db.characterContractBid.count({ where: { characterId: CHARACTER } })).toBe(0);
    expect((await h.status()).errorMessage).toContain(`bids of contract ${closedWithBids[0]!.contract_id}`);

    h.sim.expireCaches(CHARACTER);
    h.esi.clearMemory();
    await h.run();
    const stored = await h.db.characterContractBid.findMany({ where: { characterId: CHARACTER } });
    for (const c of closedWithBids) {
      expect(
        stored
          .filter((b) => Number(b.contractId) === c.contract_id)
          .map((b) => b.bidId)
          .sort(),
      ).toEqual(
        sim()
          .bids.get(c.contract_id)!
          .map((b) => b.bid_id)
          .sort(),
      );
    }
    expect((await h.status()).isSuccess).toBe(true);
    const closedRows = await h.db.characterContract.findMany({
      where: { characterId: CHARACTER, contractId: { in: closedWithBids.map((c) => BigInt(c.contract_id)) } },
    });
    expect(closedRows.every((r) => r.bidsFetchedAt !== null)).toBe(true);
  });
});
