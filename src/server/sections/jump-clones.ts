// jump_clones: the jump clones with their implants (replaced as a whole) and the
// 1:1 clone info (home location, last jump dates). Locations are stored as raw ids
// and reported so the engine resolves stations and structures afterwards.
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type ClonesBody = EsiSuccessBody<"get", "/characters/{character_id}/clones">;

const dateOrNull = (value: string | undefined) => (value ? new Date(value) : null);

export const jumpClones = defineSection<ClonesBody>({
  name: "jump_clones",
  label: "Jump clones",
  routes: ["GET /characters/{character_id}/clones"],
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/clones": [
      "home_location.location_id",
      "home_location.location_type",
      "last_clone_jump_date",
      "last_station_change_date",
      "jump_clones",
      "jump_clones.jump_clone_id",
      "jump_clones.location_id",
      "jump_clones.location_type",
      "jump_clones.name",
      "jump_clones.implants",
    ],
  },
  scopes: ["esi-clones.read_clones.v1", "esi-universe.read_structures.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "replace",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/clones", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const info = {
      homeLocationId: body.home_location?.location_id === undefined ? null : BigInt(body.home_location.location_id),
      homeLocationType: body.home_location?.location_type ?? null,
      lastCloneJumpDate: dateOrNull(body.last_clone_jump_date),
      lastStationChangeDate: dateOrNull(body.last_station_change_date),
    };
    await tx.characterCloneInfo.upsert({ where: { characterId }, create: { characterId, ...info }, update: info });

    // Implants first, so the count includes them (the FK would cascade them silently).
    const removedImplants = await tx.characterJumpCloneImplant.deleteMany({ where: { characterId } });
    const removedClones = await tx.characterJumpClone.deleteMany({ where: { characterId } });
    const clones = [...new Map(body.jump_clones.map((c) => [c.jump_clone_id, c])).values()];
    const cloneRows = clones.map((c) => ({
      characterId,
      jumpCloneId: c.jump_clone_id,
      locationId: BigInt(c.location_id),
      locationType: c.location_type,
      name: c.name?.trim() || null,
    }));
    const implantRows = clones.flatMap((c) =>
      [...new Set(c.implants)].map((typeId) => ({ characterId, jumpCloneId: c.jump_clone_id, typeId })),
    );
    if (cloneRows.length > 0) await insertRows(tx, "CharacterJumpClone", { data: cloneRows });
    if (implantRows.length > 0) await insertRows(tx, "CharacterJumpCloneImplant", { data: implantRows });

    const locationIds = [
      ...cloneRows.map((c) => c.locationId),
      ...(info.homeLocationId === null ? [] : [info.homeLocationId]),
    ];
    return {
      written: 1 + removedImplants.count + removedClones.count + cloneRows.length + implantRows.length,
      locationIds,
    };
  },
});
