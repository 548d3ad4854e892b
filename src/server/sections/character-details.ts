// character_details (public GET /characters/{id}): the parts of the public profile
// EveCharacter does not keep (name, corporation and alliance live there), one row
// per character. The bio is stored raw; rendering it is the viewer's job.
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";

// ESI has sent ancestry_id in the past; the current spec omits it, so it is read when present.
type DetailsBody = EsiSuccessBody<"get", "/characters/{character_id}"> & { ancestry_id?: number };

export const characterDetails = defineSection<DetailsBody>({
  name: "character_details",
  label: "Character details",
  routes: ["GET /characters/{character_id}"],
  // achievement_score (required by the spec, not stored) has been missing in real answers.
  reads: {
    "GET /characters/{character_id}": ["birthday", "bloodline_id", "corporation_id", "gender", "race_id"],
  },
  scopes: [],
  defaultStaleMinutes: 240,
  writeStrategy: "single",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}", { path: { character_id: characterId }, cache, force });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const data = {
      gender: body.gender,
      raceId: body.race_id,
      bloodlineId: body.bloodline_id,
      ancestryId: body.ancestry_id ?? null,
      factionId: body.faction_id ?? null,
      description: body.description ?? null,
      title: body.corporation_title ?? null,
      securityStatus: body.security_status ?? null,
      birthday: new Date(body.birthday),
    };
    await tx.characterDetails.upsert({ where: { characterId }, create: { characterId, ...data }, update: data });
    const entityIds = [body.corporation_id, body.alliance_id, body.faction_id].filter(
      (id): id is number => id !== undefined,
    );
    return { written: 1, entityIds };
  },
});
