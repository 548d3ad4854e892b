// corporation_history (public route): every corporation the character was in,
// diffed on record id so a new membership writes one row, not the whole history.
import type { EsiSuccessBody } from "~/server/esi/types";
import { diffCount, diffRows } from "./diff-rows";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type HistoryBody = EsiSuccessBody<"get", "/characters/{character_id}/corporationhistory">;

export const corporationHistory = defineSection<HistoryBody>({
  name: "corporation_history",
  label: "Corporation history",
  routes: ["GET /characters/{character_id}/corporationhistory"],
  scopes: [],
  defaultStaleMinutes: 480,
  writeStrategy: "diff",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/corporationhistory", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, records) {
    const stored = await tx.characterCorporationHistory.findMany({
      where: { characterId },
      select: { recordId: true, corporationId: true, startDate: true, isDeleted: true },
    });
    const incoming = records.map((r) => ({
      recordId: r.record_id,
      corporationId: r.corporation_id,
      startDate: new Date(r.start_date),
      isDeleted: r.is_deleted ?? false,
    }));
    const diff = diffRows(stored, incoming, (row) => row.recordId);
    if (diff.remove.length > 0)
      await tx.characterCorporationHistory.deleteMany({ where: { characterId, recordId: { in: diff.remove } } });
    if (diff.create.length > 0)
      await insertRows(tx, "CharacterCorporationHistory", {
        data: diff.create.map((row) => ({ characterId, ...row })),
      });
    for (const { recordId, ...fields } of diff.update) {
      await tx.characterCorporationHistory.update({
        where: { characterId_recordId: { characterId, recordId } },
        data: fields,
      });
    }
    return { written: diffCount(diff), entityIds: incoming.map((row) => row.corporationId) };
  },
});
