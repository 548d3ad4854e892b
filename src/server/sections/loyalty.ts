// loyalty: loyalty points per NPC corporation, a key/value diff on the corporation
// so unchanged balances cost no write and corporations no longer listed go.
import type { EsiSuccessBody } from "~/server/esi/types";
import { diffCount, diffRows } from "./diff-rows";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type LoyaltyBody = EsiSuccessBody<"get", "/characters/{character_id}/loyalty/points">;

export const loyalty = defineSection<LoyaltyBody>({
  name: "loyalty",
  label: "Loyalty points",
  routes: ["GET /characters/{character_id}/loyalty/points"],
  scopes: ["esi-characters.read_loyalty.v1"],
  defaultStaleMinutes: 480,
  writeStrategy: "diff",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/loyalty/points", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const stored = await tx.characterLoyaltyEntry.findMany({
      where: { characterId },
      select: { corporationId: true, loyaltyPoints: true },
    });
    const incoming = body.map((e) => ({ corporationId: e.corporation_id, loyaltyPoints: e.loyalty_points }));
    const diff = diffRows(stored, incoming, (row) => row.corporationId);
    if (diff.remove.length > 0)
      await tx.characterLoyaltyEntry.deleteMany({ where: { characterId, corporationId: { in: diff.remove } } });
    if (diff.create.length > 0)
      await insertRows(tx, "CharacterLoyaltyEntry", { data: diff.create.map((row) => ({ characterId, ...row })) });
    for (const { corporationId, loyaltyPoints } of diff.update) {
      await tx.characterLoyaltyEntry.update({
        where: { characterId_corporationId: { characterId, corporationId } },
        data: { loyaltyPoints },
      });
    }
    return { written: diffCount(diff), entityIds: diff.create.map((row) => row.corporationId) };
  },
});
