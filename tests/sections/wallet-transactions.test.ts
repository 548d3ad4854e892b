// wallet_transactions: loaded through the from_id cursor, new transactions appended
// without touching old ones, locations and clients reported, the retention purge,
// and the usual failure cases.
import { describe, expect, it } from "vitest";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { retentionCutoff } from "~/server/sections/retention";
import { walletTransactions } from "~/server/sections/wallet-transactions";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000009;
const h = useSectionHarness(CHARACTER, walletTransactions);
const stored = () =>
  h.db.characterWalletTransaction.findMany({ where: { characterId: CHARACTER }, orderBy: { transactionId: "asc" } });
const simTransactions = () => characterSection(CHARACTER, "wallet")!.transactions;
const ids = (list: { transaction_id: number }[]) => list.map((x) => x.transaction_id).sort((a, b) => a - b);

describe("wallet_transactions section", () => {
  it("loads all transactions on first run and reports clients and locations", async () => {
    const outcome = await h.run();
    const rows = await stored();
    expect(simTransactions().length).toBeGreaterThan(0);
    expect(outcome).toEqual({ section: "wallet_transactions", status: "updated", written: simTransactions().length });
    expect(rows.map((r) => Number(r.transactionId))).toEqual(ids(simTransactions()));
    const last = simTransactions().at(-1)!;
    const row = rows.find((r) => Number(r.transactionId) === last.transaction_id)!;
    expect(row).toMatchObject({
      typeId: last.type_id,
      quantity: last.quantity,
      isBuy: last.is_buy,
      clientId: last.client_id,
      locationId: BigInt(last.location_id),
    });
    expect(Number(row.unitPrice)).toBeCloseTo(last.unit_price, 2);
    expect(row.journalRefId).toBe(BigInt(last.journal_ref_id));
    expect(h.reported.locations.flat()).toContain(BigInt(last.location_id));
    expect(h.reported.entities.flat()).toContain(last.client_id);
  });

  it("writes no section row when nothing changed", async () => {
    const before = await stored();
    expect((await h.run()).status).toBe("unchanged");
    expect((await h.run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(before);
  });

  it("appends only new transactions and leaves the stored ones untouched", async () => {
    const before = await stored();
    const count = simTransactions().length;
    h.sim.mutateCharacter(CHARACTER, "wallet");
    const added = ids(simTransactions().slice(count));
    expect(added.length).toBeGreaterThan(0);
    h.sim.expireCaches(CHARACTER);
    expect(await h.run(true)).toEqual({ section: "wallet_transactions", status: "updated", written: added.length });
    const after = await stored();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => Number(r.transactionId))).toEqual(added);
  });

  it("purges transactions older than the retention cutoff", async () => {
    const settings = { ...DEFAULT_SECTION_SETTINGS, retentionDays: 10 };
    const cutoff = retentionCutoff(new Date(), settings.retentionDays);
    const kept = simTransactions().filter((x) => new Date(x.date) >= cutoff);
    expect(kept.length).toBeLessThan(simTransactions().length);
    expect((await h.run(true, settings)).status).toBe("updated");
    const rows = await stored();
    expect(rows.map((r) => Number(r.transactionId))).toEqual(ids(kept));
  });

  it("does not store transactions older than the cutoff on a first load", async () => {
    await h.db.characterWalletTransaction.deleteMany({ where: { characterId: CHARACTER } });
    const settings = { ...DEFAULT_SECTION_SETTINGS, retentionDays: 5 };
    const cutoff = retentionCutoff(new Date(), settings.retentionDays);
    await h.forgetContentHash();
    expect((await h.run(true, settings)).status).toBe("updated");
    const rows = await stored();
    expect(rows.map((r) => Number(r.transactionId))).toEqual(
      ids(simTransactions().filter((x) => new Date(x.date) >= cutoff)),
    );
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    h.sim.mutateCharacter(CHARACTER, "wallet");
    await h.expectFailureKeeps("/characters/{character_id}/wallet/transactions", stored);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
