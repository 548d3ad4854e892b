// wallet_journal: every page loaded, new entries appended without touching old
// ones, the retention purge, and the usual failure cases.
import { describe, expect, it } from "vitest";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { retentionCutoff } from "~/server/sections/retention";
import { walletJournal } from "~/server/sections/wallet-journal";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000009;
const h = useSectionHarness(CHARACTER, walletJournal);
const stored = () =>
  h.db.characterWalletJournalEntry.findMany({ where: { characterId: CHARACTER }, orderBy: { entryId: "asc" } });
const simJournal = () => characterSection(CHARACTER, "wallet")!.journal;

describe("retention cutoff", () => {
  it("is now minus the retention days, rounded down to the hour", () => {
    expect(retentionCutoff(new Date("2026-05-10T12:34:56Z"), 7).toISOString()).toBe("2026-05-03T12:00:00.000Z");
  });
});

describe("wallet_journal section", () => {
  it("loads every page of the journal on first run", async () => {
    const outcome = await h.run();
    const rows = await stored();
    expect(simJournal().length).toBeGreaterThan(0);
    expect(outcome).toEqual({ section: "wallet_journal", status: "updated", written: simJournal().length });
    expect(rows.map((r) => Number(r.entryId))).toEqual(
      simJournal()
        .map((e) => e.id)
        .sort((a, b) => a - b),
    );
    const last = simJournal().at(-1)!;
    const row = rows.find((r) => Number(r.entryId) === last.id)!;
    expect(row.refType).toBe(last.ref_type);
    expect(Number(row.amount)).toBeCloseTo(last.amount ?? 0, 2);
    expect(Number(row.balance)).toBeCloseTo(last.balance ?? 0, 2);
    expect(row.date.toISOString()).toBe(new Date(last.date).toISOString());
    expect(h.reported.entities.flat().length).toBeGreaterThan(0);
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("writes no section row when nothing changed", async () => {
    const before = await stored();
    expect((await h.run()).status).toBe("unchanged");
    // Forced, ESI answers with the same content: the engine's hash spares the persist.
    expect((await h.run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(before);
  });

  it("appends only new entries and leaves the stored ones untouched", async () => {
    const before = await stored();
    const result = h.sim.mutateCharacter(CHARACTER, "wallet");
    const added = result.changed.wallet!;
    h.sim.expireCaches(CHARACTER);
    expect(await h.run(true)).toEqual({ section: "wallet_journal", status: "updated", written: added.length });
    const after = await stored();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => Number(r.entryId))).toEqual(added);
  });

  it("purges entries older than the retention cutoff and does not store them", async () => {
    const settings = { ...DEFAULT_SECTION_SETTINGS, retentionDays: 10 };
    const cutoff = retentionCutoff(new Date(), settings.retentionDays);
    const kept = simJournal().filter((e) => new Date(e.date) >= cutoff);
    expect(kept.length).toBeLessThan(simJournal().length);
    expect((await h.run(true, settings)).status).toBe("updated");
    const rows = await stored();
    expect(rows.map((r) => Number(r.entryId))).toEqual(kept.map((e) => e.id).sort((a, b) => a - b));
    expect(rows.every((r) => r.date >= cutoff)).toBe(true);
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    h.sim.mutateCharacter(CHARACTER, "wallet");
    await h.expectFailureKeeps("/characters/{character_id}/wallet/journal", stored);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
