// Active implants and jump clones. A clone holds at most one implant per slot,
// and clones sit in NPC stations or the player structures the simulator knows.
import { implantsBySlot, PLAYER_STRUCTURES, stationsByBand, structureVisibleTo } from "./catalog";
import type { EsiGet } from "./esi-types";
import { ID_SPACES, isoSeconds, makeId } from "./ids";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type ClonesBody = EsiGet<"/characters/{character_id}/clones">;

export interface ClonesSection {
  implants: number[];
  clones: ClonesBody;
}

function implantSet(rng: Rng, count: number): number[] {
  const bySlot = implantsBySlot();
  // Attribute implants (slots 1-5) are the common ones; hardwirings fill 6-10.
  const slots = rng.sample(
    [...bySlot.keys()].sort((a, b) => a - b),
    count,
  );
  return slots
    .flatMap((slot) => {
      const options = bySlot.get(slot) ?? [];
      return options.length > 0 ? [rng.pick(options).id] : [];
    })
    .sort((a, b) => a - b);
}

export function generateClones(ctx: CharacterContext): ClonesSection {
  const rng = ctx.rng("clones");
  const { volumes, homeStation } = ctx.profile;
  const structures = PLAYER_STRUCTURES.filter((s) => structureVisibleTo(s, ctx.character.corporationId));
  const jumpClones: ClonesBody["jump_clones"] = [];
  for (let n = 0; n < volumes.jumpClones; n++) {
    const inStructure = structures.length > 0 && rng.chance(0.25);
    const structure = inStructure ? rng.pick(structures) : undefined;
    jumpClones.push({
      jump_clone_id: makeId(ID_SPACES.jumpClone, ctx.index, n + 1),
      location_id: structure ? structure.id : rng.pick(stationsByBand()[rng.chance(0.7) ? "high" : "low"]).id,
      location_type: structure ? "structure" : "station",
      implants: implantSet(rng, rng.chance(0.4) ? 0 : rng.int(1, 10)),
      ...(rng.chance(0.3) ? { name: rng.pick(["PvP", "Mining", "Training", "Hardwired", "Cheap", "Null"]) } : {}),
    });
  }
  const lastJump = rng.daysBefore(ctx.anchorMs, 1, 400);
  return {
    implants: implantSet(rng, volumes.implants),
    clones: {
      home_location: { location_id: homeStation.id, location_type: "station" },
      jump_clones: jumpClones,
      ...(volumes.jumpClones > 0 ? { last_clone_jump_date: isoSeconds(lastJump) } : {}),
      last_station_change_date: isoSeconds(rng.daysBefore(ctx.anchorMs, 30, 900)),
    },
  };
}
