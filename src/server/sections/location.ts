// location: where the character is right now (1:1). The station or structure it is
// docked in, or in space the solar system itself, goes to the shared location table.
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";

type LocationBody = EsiSuccessBody<"get", "/characters/{character_id}/location">;

/** The most precise place ESI gives: structure, station, else the system. */
export function currentLocationId(body: LocationBody): number {
  return body.structure_id ?? body.station_id ?? body.solar_system_id;
}

export const location = defineSection<LocationBody>({
  name: "location",
  label: "Location",
  routes: ["GET /characters/{character_id}/location"],
  // Structures are resolved with the same token, so it needs both.
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/location": ["solar_system_id", "station_id", "structure_id"],
  },
  scopes: ["esi-location.read_location.v1", "esi-universe.read_structures.v1"],
  defaultStaleMinutes: 60,
  writeStrategy: "single",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/location", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const fields = {
      solarSystemId: body.solar_system_id,
      stationId: body.station_id ?? null,
      structureId: body.structure_id === undefined ? null : BigInt(body.structure_id),
      locationId: BigInt(currentLocationId(body)),
    };
    await tx.characterLocation.upsert({ where: { characterId }, create: { characterId, ...fields }, update: fields });
    const locationIds = [...new Set([fields.locationId, BigInt(body.solar_system_id)])];
    return { written: 1, locationIds };
  },
});
