// contracts: list, items fetched once per contract, append-only bids, the limited
// update of known contracts, the retention purge, and the usual failure cases.
import { describe, expect, it } from "vitest";
import { contracts } from "~/server/sections/contracts";
import { retentionCutoff } from "~/server/sections/retention";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";
import { NO_ROUTE_CACHES } from "~/server/updates/route-caches";

const CHARACTER = 2112000007;
const h = useSectionHarness(CHARACTER, contracts);
const where = { characterId: CHARACTER };
const snapshot = async () => ({
  contracts: await h.db.characterContract.findMany({ where, orderBy: { contractId: "asc" } }),
  items: await h.db.characterContractItem.findMany({ where, orderBy: [{ contractId: "asc" }, { recordId: "asc" }] }),
  bids: await h.db.characterContractBid.findMany({ where, orderBy: { bidId: "asc" } }),
});
const sim = () => characterSection(CHARACTER, "contracts")!;
const byNumber = (a: number, b: number) => a - b;
const simItemIds = (ids: number[]) =>
  ids.flatMap((id) => (sim().items.get(id) ?? []).map((i) => i.record_id)).sort(byNumber);
const simBidIds = (ids: number[]) =>
  ids.flatMap((id) => (sim().bids.get(id) ?? []).map((b) => b.bid_id)).sort(byNumber);

describe("contracts section", () => {
  it("loads contracts with their items and bids, and reports parties and locations", async () => {
    const outcome = await h.run();
    const ids = sim()
      .contracts.map((c) => c.contract_id)
      .sort(byNumber);
    const { contracts: rows, items, bids } = await snapshot();
    expect(outcome.status).toBe("updated");
    expect(rows.map((r) => Number(r.contractId))).toEqual(ids);
    expect(rows.every((r) => r.itemsFetchedAt !== null)).toBe(true);
    expect(items.map((i) => Number(i.recordId)).sort(byNumber)).toEqual(simItemIds(ids));
    expect(bids.length).toBeGreaterThan(0);
    expect(bids.map((b) => b.bidId)).toEqual(simBidIds(ids));
    expect(outcome).toMatchObject({ written: rows.length + items.length + bids.length });
    const last = sim().contracts.at(-1)!;
    const row = rows.find((r) => Number(r.contractId) === last.contract_id)!;
    expect(row).toMatchObject({
      type: last.type,
      status: last.status,
      issuerId: last.issuer_id,
      acceptorId: last.acceptor_id,
      title: last.title ?? "",
    });
    expect(row.dateExpired.toISOString()).toBe(new Date(last.date_expired).toISOString());
    expect(h.reported.locations.flat()).toContain(BigInt(last.start_location_id!));
    expect(h.reported.entities.flat()).toContain(last.issuer_id);
  });

  it("writes no section row when nothing changed", async () => {
    const before = await snapshot();
    expect((await h.run()).status).toBe("unchanged");
    // Forced: items are not fetched again, and nothing differs, so nothing is written.
    const forced = await h.run(true);
    expect(forced.status === "unchanged" || (forced.status === "updated" && forced.written === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("fetches items only for contracts whose items are not stored yet", async () => {
    const fetched = await contracts.fetch({
      characterId: CHARACTER,
      esi: h.esi,
      db: h.db,
      now: new Date(),
      cache: { etag: null, expiresAt: null },
      routes: NO_ROUTE_CACHES,
      force: true,
      settings: DEFAULT_SECTION_SETTINGS,
      part: (_name, run) => run(),
    });
    expect(fetched.status).toBe("ok");
    if (fetched.status === "ok") expect(fetched.data.items).toEqual([]);
  });

  it("creates new contracts and updates only status, acceptor and dates of known ones", async () => {
    const before = await snapshot();
    const result = h.sim.mutateCharacter(CHARACTER, "contracts");
    const touched = result.changed.contracts!;
    const fresh = touched.at(-1)!;
    const completed = touched.length > 1 ? touched[0]! : undefined;
    expect(completed).toBeDefined();
    h.sim.expireCaches(CHARACTER);
    expect((await h.run(true)).status).toBe("updated");
    const after = await snapshot();
    const untouched = (list: { contractId: bigint }[]) =>
      list.filter((r) => Number(r.contractId) !== fresh && Number(r.contractId) !== completed);
    expect(untouched(after.contracts)).toEqual(untouched(before.contracts));
    expect(after.items.filter((i) => Number(i.contractId) !== fresh)).toEqual(before.items);
    expect(after.items.filter((i) => Number(i.contractId) === fresh).map((i) => Number(i.recordId))).toEqual(
      simItemIds([fresh]),
    );
    expect(after.contracts.some((r) => Number(r.contractId) === fresh)).toBe(true);
    if (completed !== undefined) {
      const simContract = sim().contracts.find((c) => c.contract_id === completed)!;
      const oldRow = before.contracts.find((r) => Number(r.contractId) === completed)!;
      const newRow = after.contracts.find((r) => Number(r.contractId) === completed)!;
      expect(newRow).toMatchObject({
        status: "finished",
        acceptorId: simContract.acceptor_id,
        title: oldRow.title,
        dateIssued: oldRow.dateIssued,
      });
      expect(newRow.dateCompleted?.toISOString()).toBe(new Date(simContract.date_completed!).toISOString());
    }
  });

  it("purges contracts that expired before the retention cutoff, with their items and bids", async () => {
    const settings = { ...DEFAULT_SECTION_SETTINGS, retentionDays: 10 };
    const cutoff = retentionCutoff(new Date(), settings.retentionDays);
    const kept = sim()
      .contracts.filter((c) => new Date(c.date_expired) >= cutoff)
      .map((c) => c.contract_id)
      .sort(byNumber);
    expect(kept.length).toBeLessThan(sim().contracts.length);
    expect((await h.run(true, settings)).status).toBe("updated");
    const { contracts: rows, items, bids } = await snapshot();
    expect(rows.map((r) => Number(r.contractId))).toEqual(kept);
    expect(items.map((i) => Number(i.recordId)).sort(byNumber)).toEqual(simItemIds(kept));
    expect(bids.every((b) => kept.includes(Number(b.contractId)))).toBe(true);
  });

  it("a failing items call keeps the list and the other contracts, names the part, and is asked again", async () => {
    // Back to the default retention first, so the contracts purged above are not new again here.
    await h.run(true);
    const before = await snapshot();
    const fresh = h.sim.mutateCharacter(CHARACTER, "contracts").changed.contracts!.at(-1)!;
    h.sim.expireCaches(CHARACTER);
    h.sim.injectFault({
      route: "/characters/{character_id}/contracts/{contract_id}/items",
      kind: "status",
      status: 500,
    });
    const outcome = await h.run(true).finally(() => h.sim.clearFaults());
    expect(outcome.status).toBe("updated");
    const after = await snapshot();
    const freshRow = after.contracts.find((r) => Number(r.contractId) === fresh);
    expect(freshRow).toBeDefined();
    expect(freshRow!.itemsFetchedAt).toBeNull();
    expect(after.items).toEqual(before.items);
    const status = await h.status();
    expect(status.isSuccess).toBe(false);
    expect(status.errorMessage).toContain(`items of contract ${fresh}`);
    // The next run, unforced, asks the failed contract's items again.
    h.sim.expireCaches(CHARACTER);
    h.esi.clearMemory();
    await h.run();
    const again = await snapshot();
    expect(again.items.filter((i) => Number(i.contractId) === fresh).map((i) => Number(i.recordId))).toEqual(
      simItemIds([fresh]),
    );
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
