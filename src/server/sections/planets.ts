// planets: the character's colonies, an object diff keyed by planet so only new,
// changed and abandoned colonies cost writes.
import type { EsiSuccessBody } from "~/server/esi/types";
import { diffCount, diffRows } from "./diff-rows";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type PlanetsBody = EsiSuccessBody<"get", "/characters/{character_id}/planets">;

export const planets = defineSection<PlanetsBody>({
  name: "planets",
  label: "Planets",
  routes: ["GET /characters/{character_id}/planets"],
  // Fields read per route (docs/esi-client.md, "Tolerance"). owner_id (required, always the character) is not stored.
  reads: {
    "GET /characters/{character_id}/planets": [
      "planet_id",
      "solar_system_id",
      "planet_type",
      "num_pins",
      "upgrade_level",
      "last_update",
    ],
  },
  scopes: ["esi-planets.manage_planets.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "diff",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/planets", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const stored = await tx.characterPlanet.findMany({
      where: { characterId },
      select: {
        planetId: true,
        solarSystemId: true,
        planetType: true,
        numPins: true,
        upgradeLevel: true,
        lastUpdate: true,
      },
    });
    const incoming = body.map((p) => ({
      planetId: p.planet_id,
      solarSystemId: p.solar_system_id,
      planetType: p.planet_type as string,
      numPins: p.num_pins,
      upgradeLevel: p.upgrade_level,
      lastUpdate: new Date(p.last_update),
    }));
    const diff = diffRows(stored, incoming, (row) => row.planetId);
    if (diff.remove.length > 0)
      await tx.characterPlanet.deleteMany({ where: { characterId, planetId: { in: diff.remove } } });
    if (diff.create.length > 0)
      await insertRows(tx, "CharacterPlanet", { data: diff.create.map((row) => ({ characterId, ...row })) });
    for (const { planetId, ...fields } of diff.update) {
      await tx.characterPlanet.update({ where: { characterId_planetId: { characterId, planetId } }, data: fields });
    }
    return { written: diffCount(diff) };
  },
});
