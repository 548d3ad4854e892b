// ship: the ship the character sits in (1:1).
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";

type ShipBody = EsiSuccessBody<"get", "/characters/{character_id}/ship">;

export const ship = defineSection<ShipBody>({
  name: "ship",
  label: "Ship",
  routes: ["GET /characters/{character_id}/ship"],
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/ship": ["ship_type_id", "ship_item_id", "ship_name"],
  },
  scopes: ["esi-location.read_ship_type.v1"],
  defaultStaleMinutes: 60,
  writeStrategy: "single",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/ship", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const fields = { typeId: body.ship_type_id, itemId: BigInt(body.ship_item_id), name: body.ship_name };
    await tx.characterShip.upsert({ where: { characterId }, create: { characterId, ...fields }, update: fields });
    return { written: 1 };
  },
});
