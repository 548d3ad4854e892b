// Other people a character deals with: roster pilots, synthetic pilots, player
// corporations and alliances, NPC corporations. Every id returned resolves
// through findAnyCharacter or the roster, so names and affiliations work.
import { simAlliances, simCharacters, simCorporations } from "../roster";
import { activeNpcCorporations } from "./catalog";
import { SYNTHETIC_FIRST_ID, SYNTHETIC_LAST_ID } from "./ids";
import type { Rng } from "./prng";

/** Another pilot: a roster character 40% of the time, otherwise a synthetic one. */
export function otherCharacterId(rng: Rng, selfId: number): number {
  for (;;) {
    const id = rng.chance(0.4) ? rng.pick(simCharacters).characterId : rng.int(SYNTHETIC_FIRST_ID, SYNTHETIC_LAST_ID);
    if (id !== selfId) return id;
  }
}

export const playerCorporationId = (rng: Rng) => rng.pick(simCorporations).corporationId;
export const allianceId = (rng: Rng) => rng.pick(simAlliances).allianceId;
export const npcCorporationId = (rng: Rng) => rng.pick(activeNpcCorporations()).id;

/** CONCORD pays bounties; the Secure Commerce Commission collects market taxes. */
export const CONCORD = 1000125;
export const SECURE_COMMERCE_COMMISSION = 1000132;
