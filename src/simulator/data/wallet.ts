// Wallet journal, market transactions and balance. Entries are kept oldest
// first with a running balance that never goes negative; every
// market_transaction entry has its transaction (same amount, journal_ref_id).
import { DAY_MS, isk } from "./ids";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";
import { type JournalEntry, WalletWriter, type WalletSection } from "./wallet-writer";

export type { JournalEntry, Transaction, WalletSection } from "./wallet-writer";

export function generateWallet(ctx: CharacterContext): WalletSection {
  const rng = ctx.rng("wallet");
  const wallet: WalletSection = {
    journal: [],
    transactions: [],
    openingBalance: isk(ctx.profile.wealth * rng.float(0.5, 2)),
    nextJournalN: 1,
    nextTransactionN: 1,
  };
  const writer = new WalletWriter(ctx, wallet);
  // ESI keeps 30 days of journal.
  const start = ctx.anchorMs - 30 * DAY_MS;
  const target = ctx.profile.volumes.journal;
  const times = Array.from({ length: target }, () => start + Math.floor(rng.next() * 30 * DAY_MS)).sort(
    (a, b) => a - b,
  );
  // One time per entry, so the history runs up to the anchor even though a sale writes two.
  while (wallet.journal.length < target) writer.write(rng, times[wallet.journal.length] ?? ctx.anchorMs);
  // A sale writes two entries (sale and tax); drop a tax that overshoots the volume.
  wallet.journal.length = Math.min(wallet.journal.length, target);
  wallet.nextJournalN = wallet.journal.length + 1;
  return wallet;
}

/** Appends `count` activities at `nowMs` (one second apart); returns the new journal entries. */
export function appendWalletActivity(
  ctx: CharacterContext,
  wallet: WalletSection,
  rng: Rng,
  nowMs: number,
  count: number,
): JournalEntry[] {
  const writer = new WalletWriter(ctx, wallet);
  const before = wallet.journal.length;
  for (let i = 0; i < count; i++) writer.trade(rng, nowMs + i * 1000, i % 2 === 1);
  writer.other(rng, nowMs + count * 1000, "donation");
  return wallet.journal.slice(before);
}

export const walletBalance = (wallet: WalletSection) =>
  wallet.journal[wallet.journal.length - 1]?.balance ?? wallet.openingBalance;
