// Killmails: the character's recent list and the public killmail details.
// A killmail id encodes its character and number, so /killmails/{id}/{hash}
// can rebuild any of them from the id alone; the hash is derived from the id.
import { DOGMA } from "../sde";
import { modulesBySlot, charges, shipsOfGroups, SHIP_GROUPS } from "./catalog";
import { findAnyCharacter } from "./characters";
import type { EsiGet, EsiItem } from "./esi-types";
import { characterIdAt, DAY_MS, ID_SPACES, isoSeconds, makeId, splitId } from "./ids";
import { otherCharacterId } from "./parties";
import type { CharacterContext } from "./profile";
import { Rng } from "./prng";

export type KillmailRef = EsiItem<"/characters/{character_id}/killmails/recent">;
export type Killmail = EsiGet<"/killmails/{killmail_id}/{killmail_hash}">;
type Attacker = Killmail["attackers"][number];
type VictimItem = NonNullable<Killmail["victim"]["items"]>[number];

// Inventory flag numbers as killmails report them.
const FLAG = { cargo: 5, lo: 11, med: 19, hi: 27, droneBay: 87, rig: 92 } as const;

export function killmailHash(seed: number, killmailId: number): string {
  return new Rng(seed, "killmail-hash", killmailId).hex(40);
}

function killTimes(ctx: CharacterContext): number[] {
  const rng = ctx.rng("killmails");
  // ESI lists 90 days of kills and losses.
  return Array.from(
    { length: ctx.profile.volumes.killmails },
    () => ctx.anchorMs - Math.floor(rng.next() * 90 * DAY_MS),
  ).sort((a, b) => a - b);
}

/** Newest first, as ESI lists them. */
export function recentKillmails(ctx: CharacterContext): KillmailRef[] {
  return killTimes(ctx)
    .map((_, i) => {
      const id = makeId(ID_SPACES.killmail, ctx.index, i + 1);
      return { killmail_id: id, killmail_hash: killmailHash(ctx.seed, id) };
    })
    .reverse();
}

/** The owning character id and kill number of a killmail id, if it is one of ours. */
export function decodeKillmailId(killmailId: number): { characterId: number; n: number } | undefined {
  const split = splitId(ID_SPACES.killmail, killmailId);
  if (!split) return undefined;
  const characterId = characterIdAt(split[0]);
  return characterId === undefined || split[1] < 1 ? undefined : { characterId, n: split[1] };
}

function pilot(characterId: number) {
  const character = findAnyCharacter(characterId);
  return {
    character_id: characterId,
    corporation_id: character?.corporationId ?? 1000001,
    ...(character?.allianceId === undefined ? {} : { alliance_id: character.allianceId }),
  };
}

function lostItems(rng: Rng, shipTypeId: number, hiSlots: number, medSlots: number, lowSlots: number): VictimItem[] {
  const bySlot = modulesBySlot();
  const items: VictimItem[] = [];
  const lose = (flag: number, typeId: number, quantity: number) => {
    const dropped = rng.chance(0.5);
    items.push({
      flag,
      item_type_id: typeId,
      singleton: 0,
      ...(dropped ? { quantity_dropped: quantity } : { quantity_destroyed: quantity }),
    });
  };
  for (let i = 0; i < hiSlots; i++) if (rng.chance(0.8)) lose(FLAG.hi + i, rng.pick(bySlot.hi).id, 1);
  for (let i = 0; i < medSlots; i++) if (rng.chance(0.8)) lose(FLAG.med + i, rng.pick(bySlot.med).id, 1);
  for (let i = 0; i < lowSlots; i++) if (rng.chance(0.8)) lose(FLAG.lo + i, rng.pick(bySlot.lo).id, 1);
  if (rng.chance(0.5)) lose(FLAG.cargo, rng.pick(charges()).id, rng.int(50, 5000));
  return shipTypeId === 670 ? [] : items;
}

/** Details of kill number n of the character (1-based), or undefined past its count. */
export function killmailDetail(ctx: CharacterContext, n: number): Killmail | undefined {
  const times = killTimes(ctx);
  const time = times[n - 1];
  if (time === undefined) return undefined;
  const rng = new Rng(ctx.seed, ctx.character.characterId, "killmail", n);
  const self = ctx.character.characterId;
  const isLoss = rng.chance(ctx.profile.archetype === "hunter" ? 0.15 : 0.5);
  const victimId = isLoss ? self : otherCharacterId(rng, self);
  const hulls = shipsOfGroups(isLoss ? ctx.profile.shipGroups : SHIP_GROUPS.combat);
  const victimShip = rng.chance(0.1) || hulls.length === 0 ? undefined : rng.pick(hulls);
  const damage = rng.int(300, 90_000);
  const attackerIds = new Set<number>(isLoss ? [] : [self]);
  const attackerCount = rng.count(3, 1, 1, 40);
  while (attackerIds.size < attackerCount) attackerIds.add(otherCharacterId(rng, victimId));
  attackerIds.delete(victimId);
  const ids = [...attackerIds];
  const finalBlow = rng.int(0, ids.length - 1);
  let left = damage;
  const attackers: Attacker[] = ids.map((id, i) => {
    const share = i === ids.length - 1 ? left : Math.floor(left * rng.float(0.1, 0.6));
    left -= share;
    return {
      ...pilot(id),
      damage_done: share,
      final_blow: i === finalBlow,
      security_status: Math.round(rng.float(-10, 5) * 10) / 10,
      ship_type_id: rng.pick(shipsOfGroups(SHIP_GROUPS.combat)).id,
      weapon_type_id: rng.pick(modulesBySlot().hi).id,
    };
  });
  const system = rng.pick(ctx.profile.localSystems);
  return {
    killmail_id: makeId(ID_SPACES.killmail, ctx.index, n),
    killmail_time: isoSeconds(time),
    solar_system_id: system.id,
    victim: {
      ...pilot(victimId),
      damage_taken: damage,
      ship_type_id: victimShip?.id ?? 670,
      position: { x: rng.float(-1e12, 1e12), y: rng.float(-1e11, 1e11), z: rng.float(-1e12, 1e12) },
      items: lostItems(
        rng,
        victimShip?.id ?? 670,
        victimShip?.dogma?.[DOGMA.hiSlots] ?? 0,
        victimShip?.dogma?.[DOGMA.medSlots] ?? 0,
        victimShip?.dogma?.[DOGMA.lowSlots] ?? 0,
      ),
    },
    attackers,
  };
}
