// mining_ledger: ESI returns about 30 days of mining, so history accumulates here:
// one row per (date, solar system, type), upserted when its quantity changed and
// never deleted.
import type { EsiItem } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type MiningEntry = EsiItem<"get", "/characters/{character_id}/mining">;

const keyOf = (date: Date | string, solarSystemId: number, typeId: number) =>
  `${typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10)}/${solarSystemId}/${typeId}`;

export const miningLedger = defineSection<MiningEntry[]>({
  name: "mining_ledger",
  label: "Mining ledger",
  routes: ["GET /characters/{character_id}/mining"],
  scopes: ["esi-industry.read_character_mining.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "accumulate",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.getPages("/characters/{character_id}/mining", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, entries) {
    const dates = [...new Set(entries.map((e) => e.date.slice(0, 10)))].map((d) => new Date(`${d}T00:00:00Z`));
    // Only the days ESI still reports can change; older history is left alone.
    const stored = await tx.characterMiningLedgerEntry.findMany({ where: { characterId, date: { in: dates } } });
    const quantities = new Map(stored.map((row) => [keyOf(row.date, row.solarSystemId, row.typeId), row.quantity]));
    const seen = new Set<string>();
    const create: { characterId: number; date: Date; solarSystemId: number; typeId: number; quantity: bigint }[] = [];
    const update: typeof create = [];
    for (const e of entries) {
      const key = keyOf(e.date, e.solar_system_id, e.type_id);
      if (seen.has(key)) continue;
      seen.add(key);
      const row = {
        characterId,
        date: new Date(`${e.date.slice(0, 10)}T00:00:00Z`),
        solarSystemId: e.solar_system_id,
        typeId: e.type_id,
        quantity: BigInt(e.quantity),
      };
      const old = quantities.get(key);
      if (old === undefined) create.push(row);
      else if (old !== row.quantity) update.push(row);
    }
    if (create.length > 0) await insertRows(tx, "CharacterMiningLedgerEntry", { data: create });
    for (const { date, solarSystemId, typeId, quantity } of update) {
      await tx.characterMiningLedgerEntry.update({
        where: { characterId_date_solarSystemId_typeId: { characterId, date, solarSystemId, typeId } },
        data: { quantity },
      });
    }
    return { written: create.length + update.length };
  },
});
