// fw_stats: faction warfare enlistment, ranks, kills and victory points, one row per character.
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";

type FwStatsBody = EsiSuccessBody<"get", "/characters/{character_id}/fw/stats">;

export const fwStats = defineSection<FwStatsBody>({
  name: "fw_stats",
  label: "Faction warfare stats",
  routes: ["GET /characters/{character_id}/fw/stats"],
  scopes: ["esi-characters.read_fw_stats.v1"],
  defaultStaleMinutes: 480,
  writeStrategy: "single",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/fw/stats", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const data = {
      factionId: body.faction_id ?? null,
      enlistedOn: body.enlisted_on ? new Date(body.enlisted_on) : null,
      currentRank: body.current_rank ?? null,
      highestRank: body.highest_rank ?? null,
      killsYesterday: body.kills.yesterday,
      killsLastWeek: body.kills.last_week,
      killsTotal: body.kills.total,
      victoryPointsYesterday: body.victory_points.yesterday,
      victoryPointsLastWeek: body.victory_points.last_week,
      victoryPointsTotal: body.victory_points.total,
    };
    await tx.characterFwStats.upsert({ where: { characterId }, create: { characterId, ...data }, update: data });
    return { written: 1, entityIds: data.factionId === null ? [] : [data.factionId] };
  },
});
