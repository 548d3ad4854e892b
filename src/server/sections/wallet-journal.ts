// wallet_journal: every page of the journal; only entries with new ids are stored,
// stored entries are never updated. Entries older than the retention cutoff are
// neither stored nor kept.
import type { EsiItem } from "~/server/esi/types";
import { retentionCutoff } from "./retention";
import { defineSection } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Entry = EsiItem<"get", "/characters/{character_id}/wallet/journal">;

export interface WalletJournalData {
  entries: Entry[];
}

export const walletJournal = defineSection<WalletJournalData>({
  name: "wallet_journal",
  label: "Wallet journal",
  routes: ["GET /characters/{character_id}/wallet/journal"],
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/wallet/journal": [
      "id",
      "date",
      "ref_type",
      "description",
      "amount",
      "balance",
      "reason",
      "first_party_id",
      "second_party_id",
      "tax",
      "tax_receiver_id",
      "context_id",
      "context_id_type",
    ],
  },
  scopes: ["esi-wallet.read_character_wallet.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "append",
  retention: {
    purge: async (db, characterId, cutoff) =>
      (await db.characterWalletJournalEntry.deleteMany({ where: { characterId, date: { lt: cutoff } } })).count,
  },
  async fetch({ esi, characterId, cache, force, now, settings }) {
    const result = await esi.getPages("/characters/{character_id}/wallet/journal", {
      path: { character_id: characterId },
      cache,
      force,
    });
    if (result.status === "unchanged") return result;
    const cutoff = retentionCutoff(now, settings.retentionDays);
    const entries = result.data.filter((e) => new Date(e.date) >= cutoff).sort((a, b) => a.id - b.id);
    return { status: "ok", data: { entries }, cache: result.cache };
  },
  async persist({ tx, characterId }, { entries }) {
    // Reading the stored ids of the fetched range is cheaper than letting the database reject thousands of duplicates.
    const first = entries[0];
    const stored = first
      ? await tx.characterWalletJournalEntry.findMany({
          where: { characterId, entryId: { gte: BigInt(first.id) } },
          select: { entryId: true },
        })
      : [];
    const known = new Set(stored.map((row) => row.entryId));
    const fresh = entries.filter((e) => !known.has(BigInt(e.id)));
    const created = await insertRows(tx, "CharacterWalletJournalEntry", {
      data: fresh.map((e) => ({
        characterId,
        entryId: BigInt(e.id),
        date: new Date(e.date),
        refType: e.ref_type,
        amount: e.amount ?? null,
        balance: e.balance ?? null,
        description: e.description,
        reason: e.reason ?? null,
        firstPartyId: e.first_party_id ?? null,
        secondPartyId: e.second_party_id ?? null,
        tax: e.tax ?? null,
        taxReceiverId: e.tax_receiver_id ?? null,
        contextId: e.context_id !== undefined ? BigInt(e.context_id) : null,
        contextIdType: e.context_id_type ?? null,
      })),
      skipDuplicates: true,
    });
    const entityIds = fresh.flatMap((e) =>
      [e.first_party_id, e.second_party_id, e.tax_receiver_id].filter((id): id is number => !!id),
    );
    return { written: created.count, entityIds };
  },
});
