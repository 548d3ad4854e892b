// Where the character is, what it flies and when it was online.
import { findSystem, stationsInSystem } from "../sde";
import { PLAYER_STRUCTURES, shipsOfGroups, structureVisibleTo } from "./catalog";
import type { EsiGet } from "./esi-types";
import { ID_SPACES, ITEM_BLOCKS, isoSeconds, makeId, MINUTE_MS } from "./ids";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type LocationBody = EsiGet<"/characters/{character_id}/location">;
export type ShipBody = EsiGet<"/characters/{character_id}/ship">;
export type OnlineBody = EsiGet<"/characters/{character_id}/online">;

export interface LocationSection {
  location: LocationBody;
  ship: ShipBody;
  online: OnlineBody;
  nextShipN: number;
}

const SHIP_NAMES = ["Nomad", "Little Helper", "Wanderer", "Grinder", "Tank", "Brick", "Zoomer"];

function place(ctx: CharacterContext, rng: Rng): LocationBody {
  const system = rng.chance(0.5) ? ctx.profile.homeSystem : rng.pick(ctx.profile.localSystems);
  const roll = rng.next();
  const structures = PLAYER_STRUCTURES.filter(
    (s) => s.systemId === system.id && structureVisibleTo(s, ctx.character.corporationId),
  );
  if (roll < 0.1 && structures.length > 0) return { solar_system_id: system.id, structure_id: rng.pick(structures).id };
  const stations = system.id === ctx.profile.homeSystem.id ? [ctx.profile.homeStation] : stationsInSystem(system.id);
  if (roll < 0.65 && stations.length > 0) return { solar_system_id: system.id, station_id: rng.pick(stations).id };
  return { solar_system_id: system.id };
}

function boardShip(ctx: CharacterContext, rng: Rng, n: number): ShipBody {
  const hulls = shipsOfGroups(ctx.profile.shipGroups);
  const hull = rng.pick(hulls);
  return {
    ship_item_id: makeId(ID_SPACES.item, ctx.index, ITEM_BLOCKS.ships + n),
    ship_type_id: hull.id,
    ship_name: rng.chance(0.6)
      ? `${ctx.character.name.split(" ")[0]}'s ${rng.pick(SHIP_NAMES)}`
      : `${ctx.character.name}'s ${hull.name}`,
  };
}

export function generateLocation(ctx: CharacterContext): LocationSection {
  const rng = ctx.rng("location");
  const online = rng.chance(0.25);
  const lastLogin = ctx.anchorMs - rng.int(5, 60 * 24 * (ctx.profile.isRoster ? 3 : 30)) * MINUTE_MS;
  return {
    location: place(ctx, rng),
    ship: boardShip(ctx, rng, 0),
    online: {
      online,
      last_login: isoSeconds(lastLogin),
      // Online pilots logged out before their current session started.
      last_logout: isoSeconds(
        online ? lastLogin - rng.int(1, 48) * 3_600_000 : lastLogin + rng.int(10, 300) * MINUTE_MS,
      ),
      logins: Math.max(1, Math.floor(ctx.profile.ageDays * rng.float(0.3, 2))),
    },
    nextShipN: 1,
  };
}

/** Jumps to another system and boards another ship. */
export function moveCharacter(ctx: CharacterContext, section: LocationSection, rng: Rng, nowMs: number): void {
  const before = section.location.solar_system_id;
  for (let i = 0; i < 10 && section.location.solar_system_id === before; i++) section.location = place(ctx, rng);
  if (section.location.solar_system_id === before) {
    const other = ctx.profile.localSystems.find((s) => s.id !== before) ?? findSystem(30000142);
    if (other) section.location = { solar_system_id: other.id };
  }
  section.ship = boardShip(ctx, rng, section.nextShipN++);
  section.online = {
    ...section.online,
    online: true,
    last_login: isoSeconds(Math.max(nowMs - 60_000, 0)),
    logins: (section.online.logins ?? 0) + 1,
  };
}
