// attributes: the five attributes and remap dates, one row per character.
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";

type AttributesBody = EsiSuccessBody<"get", "/characters/{character_id}/attributes">;

const dateOrNull = (value: string | undefined) => (value ? new Date(value) : null);

export const attributes = defineSection<AttributesBody>({
  name: "attributes",
  label: "Attributes",
  routes: ["GET /characters/{character_id}/attributes"],
  scopes: ["esi-skills.read_skills.v1"],
  defaultStaleMinutes: 480,
  writeStrategy: "single",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/attributes", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const data = {
      charisma: body.charisma,
      intelligence: body.intelligence,
      memory: body.memory,
      perception: body.perception,
      willpower: body.willpower,
      bonusRemaps: body.bonus_remaps ?? null,
      lastRemapDate: dateOrNull(body.last_remap_date),
      accruedRemapCooldownDate: dateOrNull(body.accrued_remap_cooldown_date),
    };
    await tx.characterAttributes.upsert({ where: { characterId }, create: { characterId, ...data }, update: data });
    return { written: 1 };
  },
});
