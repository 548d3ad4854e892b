// Wallet tab through the tRPC API: balance, the journal paged newest first with its
// filters, transactions with side and type filters, the downsampled balance chart,
// and the access rule (a character the caller may not view is 404).
import { describe, expect, it } from "vitest";
import { walletBalance } from "~/server/sections/wallet-balance";
import { walletJournal } from "~/server/sections/wallet-journal";
import { walletTransactions } from "~/server/sections/wallet-transactions";
import type { JournalRow, Page, TransactionRow } from "~/server/sheet/wallet";
import { characterSection } from "~/simulator/data";
import { useSeededSheet } from "../support/seeded-sheet";

const CHARACTER = 2112000009;
const h = useSeededSheet(CHARACTER, [walletBalance, walletJournal, walletTransactions]);
const where = { characterId: CHARACTER };
const simWallet = () => characterSection(CHARACTER, "wallet")!;

async function allPages<T>(path: string, input: Record<string, unknown>): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await h.ok<Page<T>>(path, { characterId: CHARACTER, ...input, cursor });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 1000);
  return { rows, pages };
}

/** Stored journal rows in the viewer's order: newest first, ties by entry id. */
const journalOrder = async (extra: object = {}) =>
  (
    await h.t.db.characterWalletJournalEntry.findMany({
      where: { ...where, ...extra },
      orderBy: [{ date: "desc" }, { entryId: "desc" }],
    })
  ).map((r) => r.entryId.toString());

describe("wallet sheet", () => {
  it("shows the balance ESI reported", async () => {
    const balance = await h.ok<{ total: number }>("sheet.wallet.balance", { characterId: CHARACTER });
    const stored = await h.t.db.characterWalletBalance.findUniqueOrThrow({ where });
    expect(balance.total).toBeCloseTo(Number(stored.total), 2);
    expect(balance.total).not.toBe(0);
  });

  it("pages through the whole journal newest first without gaps or repeats, with party names", async () => {
    const expected = await journalOrder();
    expect(expected.length).toBe(simWallet().journal.length);
    expect(expected.length).toBeGreaterThan(20);
    const { rows, pages } = await allPages<JournalRow>("sheet.wallet.journal", { limit: 40 });
    expect(rows.map((r) => r.entryId)).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 40));
    // Small pages meet at the right rows too (ties on date are broken by entry id).
    let cursor: string | undefined;
    const small: string[] = [];
    for (let i = 0; i < 3; i++) {
      const page: Page<JournalRow> = await h.ok("sheet.wallet.journal", { characterId: CHARACTER, limit: 7, cursor });
      small.push(...page.rows.map((r) => r.entryId));
      cursor = page.nextCursor!;
    }
    expect(small).toEqual(expected.slice(0, 21));

    const newest = [...simWallet().journal].sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || b.id - a.id)[0]!;
    const first = rows[0]!;
    expect(first).toMatchObject({
      entryId: String(newest.id),
      refType: newest.ref_type,
      description: newest.description,
    });
    expect(first.amount).toBeCloseTo(newest.amount ?? 0, 2);
    expect(first.balance).toBeCloseTo(newest.balance ?? 0, 2);
    // Parties are named through the shared entity table, not shown as bare ids.
    const named = rows.filter((r) => r.firstParty);
    expect(named.length).toBeGreaterThan(0);
    const entity = await h.t.db.eveEntity.findUniqueOrThrow({ where: { id: named[0]!.firstParty!.id } });
    expect(named[0]!.firstParty!.name).toBe(entity.name);
  });

  it("lists the character's ref types and filters the journal by one", async () => {
    const refTypes = await h.ok<{ value: string; label: string }[]>("sheet.wallet.refTypes", {
      characterId: CHARACTER,
    });
    const distinct = [...new Set(simWallet().journal.map((e) => e.ref_type))].sort();
    expect(refTypes.map((r) => r.value)).toEqual(distinct);
    expect(refTypes.length).toBeGreaterThan(1);
    expect(refTypes.find((r) => r.value === "player_donation")?.label ?? "Player donation").toBe("Player donation");

    const refType = distinct[0]!;
    const { rows } = await allPages<JournalRow>("sheet.wallet.journal", { refType, limit: 20 });
    expect(rows.map((r) => r.entryId)).toEqual(await journalOrder({ refType }));
    expect(rows.every((r) => r.refType === refType)).toBe(true);
  });

  it("filters the journal by date range and amount", async () => {
    const dates = (
      await h.t.db.characterWalletJournalEntry.findMany({ where, select: { date: true }, orderBy: { date: "asc" } })
    ).map((r) => r.date);
    const from = dates[Math.floor(dates.length / 4)]!;
    const to = dates[Math.floor((dates.length * 3) / 4)]!;
    const ranged = await allPages<JournalRow>("sheet.wallet.journal", { from, to, limit: 100 });
    expect(ranged.rows.map((r) => r.entryId)).toEqual(await journalOrder({ date: { gte: from, lte: to } }));
    expect(ranged.rows.length).toBeLessThan(dates.length);

    const incoming = await allPages<JournalRow>("sheet.wallet.journal", { minAmount: 0.01, limit: 200 });
    expect(incoming.rows.length).toBeGreaterThan(0);
    expect(incoming.rows.every((r) => r.amount! >= 0.01)).toBe(true);
    expect(incoming.rows.map((r) => r.entryId)).toEqual(await journalOrder({ amount: { gte: 0.01 } }));
    const band = await allPages<JournalRow>("sheet.wallet.journal", {
      minAmount: -1_000_000,
      maxAmount: 0,
      limit: 200,
    });
    expect(band.rows.every((r) => r.amount! >= -1_000_000 && r.amount! <= 0)).toBe(true);
    expect(band.rows.map((r) => r.entryId)).toEqual(await journalOrder({ amount: { gte: -1_000_000, lte: 0 } }));
  });

  it("finds journal entries by part of a party's name", async () => {
    const { rows: all } = await allPages<JournalRow>("sheet.wallet.journal", { limit: 200 });
    const withParty = all.find((r) => r.secondParty && !r.secondParty.name.startsWith("#"))!;
    const needle = withParty.secondParty!.name.slice(1, 6).toUpperCase();
    const { rows } = await allPages<JournalRow>("sheet.wallet.journal", { party: needle, limit: 200 });
    const matches = (r: JournalRow) =>
      [r.firstParty?.name, r.secondParty?.name].some((n) => n?.toUpperCase().includes(needle));
    expect(rows.map((r) => r.entryId)).toContain(withParty.entryId);
    expect(rows.every(matches)).toBe(true);
    expect(rows.map((r) => r.entryId)).toEqual(all.filter(matches).map((r) => r.entryId));
    expect(
      (await h.ok<Page<JournalRow>>("sheet.wallet.journal", { characterId: CHARACTER, party: "no such pilot zzz" }))
        .rows,
    ).toEqual([]);
    // Wildcards are text, not patterns.
    expect((await h.ok<Page<JournalRow>>("sheet.wallet.journal", { characterId: CHARACTER, party: "%" })).rows).toEqual(
      [],
    );
  });

  it("finds parties even when a search matches more names than it looks up at once", async () => {
    const { rows: all } = await allPages<JournalRow>("sheet.wallet.journal", { limit: 200 });
    const party = all.find((r) => r.secondParty && !r.secondParty.name.startsWith("#"))!.secondParty!;
    const original = (await h.t.db.eveEntity.findUniqueOrThrow({ where: { id: party.id } })).name;
    await h.t.db.eveEntity.update({ where: { id: party.id }, data: { name: `${original} Qzx` } });
    await h.t.db.eveEntity.createMany({
      data: Array.from({ length: 1500 }, (_, i) => ({
        id: 95_000_000 + i,
        category: "character",
        name: `Filler Qzx ${i}`,
      })),
    });
    try {
      const { rows } = await allPages<JournalRow>("sheet.wallet.journal", { party: "qzx", limit: 200 });
      const expected = all
        .filter((r) => r.firstParty?.id === party.id || r.secondParty?.id === party.id)
        .map((r) => r.entryId);
      expect(expected.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.entryId)).toEqual(expected);
    } finally {
      await h.t.db.eveEntity.update({ where: { id: party.id }, data: { name: original } });
      await h.t.db.eveEntity.deleteMany({ where: { id: { gte: 95_000_000, lt: 95_001_500 } } });
    }
  });

  it("pages transactions and filters them by side and by type name", async () => {
    const sim = simWallet().transactions;
    await h.seedTypes(sim.map((t) => t.type_id));
    const { rows, pages } = await allPages<TransactionRow>("sheet.wallet.transactions", { limit: 30 });
    expect(pages).toBe(Math.ceil(sim.length / 30));
    expect(rows.map((r) => r.transactionId).sort()).toEqual(sim.map((t) => String(t.transaction_id)).sort());
    expect(rows.map((r) => r.date.getTime())).toEqual([...rows.map((r) => r.date.getTime())].sort((a, b) => b - a));
    const sample = rows[0]!;
    const simSample = sim.find((t) => String(t.transaction_id) === sample.transactionId)!;
    expect(sample.type.name).not.toMatch(/^Type /);
    expect(sample.total).toBeCloseTo(simSample.unit_price * simSample.quantity, 2);
    expect(sample.location.name).not.toMatch(/^#/);

    const buys = await allPages<TransactionRow>("sheet.wallet.transactions", { side: "buy", limit: 200 });
    const sells = await allPages<TransactionRow>("sheet.wallet.transactions", { side: "sell", limit: 200 });
    expect(buys.rows.length).toBe(sim.filter((t) => t.is_buy).length);
    expect(sells.rows.length).toBe(sim.filter((t) => !t.is_buy).length);
    expect(buys.rows.every((r) => r.isBuy) && sells.rows.every((r) => !r.isBuy)).toBe(true);

    const needle = sample.type.name.split(" ")[0]!.toLowerCase();
    const byType = await allPages<TransactionRow>("sheet.wallet.transactions", { type: needle, limit: 200 });
    expect(byType.rows.map((r) => r.transactionId)).toContain(sample.transactionId);
    expect(byType.rows.every((r) => r.type.name.toLowerCase().includes(needle))).toBe(true);
    expect(byType.rows.length).toBe(rows.filter((r) => r.type.name.toLowerCase().includes(needle)).length);
  });

  it("draws the balance from the journal, chronologically, ending at the newest balance in range", async () => {
    const chart = await h.ok<{ points: { date: Date; balance: number }[] }>("sheet.wallet.balanceChart", {
      characterId: CHARACTER,
      days: 3650,
    });
    const all = await h.t.db.characterWalletJournalEntry.findMany({
      where,
      orderBy: [{ date: "desc" }, { entryId: "desc" }],
    });
    expect(chart.points.length).toBeGreaterThan(1);
    expect(chart.points.length).toBeLessThanOrEqual(Math.min(200, all.length));
    const times = chart.points.map((p) => p.date.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(chart.points.at(-1)!.balance).toBeCloseTo(Number(all[0]!.balance), 2);
    // The default range is 90 days: nothing older.
    const recent = await h.ok<{ from: Date; points: { date: Date }[] }>("sheet.wallet.balanceChart", {
      characterId: CHARACTER,
    });
    expect(recent.from.getTime()).toBeCloseTo(Date.now() - 90 * 86_400_000, -5);
    expect(recent.points.every((p) => p.date >= recent.from)).toBe(true);
  });

  it("downsamples a busy journal to at most 200 points", async () => {
    const now = Date.now();
    const base = 9_000_000_000n;
    await h.t.db.characterWalletJournalEntry.createMany({
      data: Array.from({ length: 3000 }, (_, i) => ({
        characterId: CHARACTER,
        entryId: base + BigInt(i),
        date: new Date(now - 80 * 86_400_000 + i * 2_000_000),
        refType: "player_donation",
        amount: 1,
        balance: 1_000_000 + i,
        description: "synthetic",
      })),
    });
    const chart = await h.ok<{ points: { date: Date; balance: number }[] }>("sheet.wallet.balanceChart", {
      characterId: CHARACTER,
    });
    expect(chart.points.length).toBeGreaterThan(150);
    expect(chart.points.length).toBeLessThanOrEqual(200);
    const newest = await h.t.db.characterWalletJournalEntry.findFirstOrThrow({
      where,
      orderBy: [{ date: "desc" }, { entryId: "desc" }],
    });
    expect(chart.points.at(-1)!.balance).toBeCloseTo(Number(newest.balance), 2);
    await h.t.db.characterWalletJournalEntry.deleteMany({ where: { ...where, entryId: { gte: base } } });
  });

  it("refuses a malformed cursor with 400 and a character the caller may not view with 404", async () => {
    const bad = await h.query("owner", "sheet.wallet.journal", { characterId: CHARACTER, cursor: "not-a-cursor" });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/cursor/);
    expect(
      (await h.query("owner", "sheet.wallet.transactions", { characterId: CHARACTER, cursor: "W1td" })).status,
    ).toBe(400);
    for (const path of ["balance", "refTypes", "journal", "transactions", "balanceChart"]) {
      expect((await h.query("stranger", `sheet.wallet.${path}`, { characterId: CHARACTER })).status).toBe(404);
      expect((await h.query("admin", `sheet.wallet.${path}`, { characterId: CHARACTER })).status).toBe(200);
    }
  });
});
