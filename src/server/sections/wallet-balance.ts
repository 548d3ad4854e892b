// wallet_balance: one number per character (GET /characters/{id}/wallet), upserted.
// The template for single-row sections: fetch through the ESI client with the
// stored cache state, persist in the transaction the engine opens.
import { defineSection, fromEsi } from "./types";

export const walletBalance = defineSection<number>({
  name: "wallet_balance",
  label: "Wallet balance",
  routes: ["GET /characters/{character_id}/wallet"],
  scopes: ["esi-wallet.read_character_wallet.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "single",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/wallet", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, total) {
    await tx.characterWalletBalance.upsert({
      where: { characterId },
      create: { characterId, total },
      update: { total },
    });
    return { written: 1 };
  },
});
