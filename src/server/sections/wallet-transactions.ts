// wallet_transactions: walked newest first (from_id) down to the newest stored
// transaction, so a run only downloads what is new; stored rows are never updated.
// Transactions older than the retention cutoff are neither stored nor kept.
import type { EsiItem } from "~/server/esi/types";
import { retentionCutoff } from "./retention";
import { defineSection } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Transaction = EsiItem<"get", "/characters/{character_id}/wallet/transactions">;

export interface WalletTransactionsData {
  transactions: Transaction[];
}

export const walletTransactions = defineSection<WalletTransactionsData>({
  name: "wallet_transactions",
  label: "Wallet transactions",
  routes: ["GET /characters/{character_id}/wallet/transactions"],
  scopes: ["esi-wallet.read_character_wallet.v1", "esi-universe.read_structures.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "append",
  retention: {
    purge: async (db, characterId, cutoff) =>
      (await db.characterWalletTransaction.deleteMany({ where: { characterId, date: { lt: cutoff } } })).count,
  },
  async fetch({ esi, db, characterId, cache, force, now, settings }) {
    const newest = await db.characterWalletTransaction.findFirst({
      where: { characterId },
      orderBy: { transactionId: "desc" },
      select: { transactionId: true },
    });
    const result = await esi.getByCursor("/characters/{character_id}/wallet/transactions", {
      path: { character_id: characterId },
      cache,
      force,
      ...(newest ? { stopAtId: Number(newest.transactionId) } : {}),
    });
    if (result.status === "unchanged") return result;
    const cutoff = retentionCutoff(now, settings.retentionDays);
    const transactions = result.data
      .filter((x) => new Date(x.date) >= cutoff)
      .sort((a, b) => a.transaction_id - b.transaction_id);
    return { status: "ok", data: { transactions }, cache: result.cache };
  },
  async persist({ tx, characterId }, { transactions }) {
    const created = await insertRows(tx, "CharacterWalletTransaction", {
      data: transactions.map((x) => ({
        characterId,
        transactionId: BigInt(x.transaction_id),
        date: new Date(x.date),
        typeId: x.type_id,
        quantity: x.quantity,
        unitPrice: x.unit_price,
        isBuy: x.is_buy,
        isPersonal: x.is_personal,
        clientId: x.client_id,
        locationId: BigInt(x.location_id),
        journalRefId: BigInt(x.journal_ref_id),
      })),
      // The walk stops on the page that reaches the stored ids, so that page repeats a few.
      skipDuplicates: true,
    });
    return {
      written: created.count,
      entityIds: transactions.map((x) => x.client_id),
      locationIds: transactions.map((x) => BigInt(x.location_id)),
    };
  },
});
