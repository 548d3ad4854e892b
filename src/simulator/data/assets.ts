// The asset tree: item stacks, containers with their contents and assembled
// ships with fitted modules, spread over the character's stations and
// structures. Children always come after their parent and point at an item of
// the same list, so every non-root location_id resolves.
import { stationsInSystem } from "../sde";
import { type Asset, AssetBuilder, type Place, type Position } from "./asset-builder";
import { STACK_WEIGHTS, stackQuantity, stackType } from "./asset-stacks";
import { PLAYER_STRUCTURES, shipsOfGroups, stationsByBand, structureVisibleTo } from "./catalog";
import { ID_SPACES, makeId } from "./ids";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type { Asset, Position } from "./asset-builder";

export interface AssetsSection {
  /** As generated; mutations replace `items` and never touch these objects. */
  readonly base: readonly Asset[];
  items: Asset[];
  /** Custom names of ships and containers. */
  names: Map<number, string>;
  /** Positions of items floating in space. */
  positions: Map<number, Position>;
  nextN: number;
}

function chooseLocations(ctx: CharacterContext, rng: Rng, total: number): Place[] {
  const count = Math.max(1, Math.min(60, Math.round(Math.log2(total + 2) * rng.float(0.8, 2.2))));
  const places: Place[] = [{ locationId: ctx.profile.homeStation.id, locationType: "station", flag: "Hangar" }];
  const bands = stationsByBand();
  const visible = PLAYER_STRUCTURES.filter((s) => structureVisibleTo(s, ctx.character.corporationId));
  for (let i = 1; i < count; i++) {
    if (visible.length > 0 && rng.chance(0.12)) {
      places.push({ locationId: rng.pick(visible).id, locationType: "item", flag: "Hangar" });
    } else {
      const local = stationsInSystem(rng.pick(ctx.profile.localSystems).id);
      const station =
        local.length > 0 && rng.chance(0.5)
          ? rng.pick(local)
          : rng.pick(
              bands[
                rng.weighted([
                  ["high", 6],
                  ["low", 2],
                  ["null", 1],
                ] as const)
              ],
            );
      places.push({
        locationId: station.id,
        locationType: "station",
        flag: rng.chance(0.03) ? "Deliveries" : "Hangar",
      });
    }
  }
  // Items left behind in a structure whose ACL no longer admits the owner: the
  // location cannot be resolved (403), as happens in the real game. Brann has some.
  const hidden = PLAYER_STRUCTURES.filter((s) => !structureVisibleTo(s, ctx.character.corporationId));
  if (hidden.length > 0 && (ctx.character.characterId === 2112000009 || (!ctx.profile.isRoster && rng.chance(0.05)))) {
    places.push({ locationId: rng.pick(hidden).id, locationType: "item", flag: "Hangar" });
  }
  return places;
}

export function generateAssets(ctx: CharacterContext): AssetsSection {
  const rng = ctx.rng("assets");
  const total = ctx.profile.volumes.assets;
  const builder = new AssetBuilder(ctx, rng);
  const places = chooseLocations(ctx, rng, total);
  const archetype = ctx.profile.archetype;
  while (builder.items.length < total) {
    // Half of everything sits in the home station.
    const place = rng.chance(0.5) ? (places[0] as Place) : rng.pick(places);
    const roll = rng.next();
    if (roll < 0.05) builder.ship(place, archetype, total);
    else if (roll < 0.08) builder.container(place, total);
    else if (roll < 0.085 && total > 50) builder.deployable(rng.pick(ctx.profile.localSystems).id);
    else if (roll < 0.1) {
      const hulls = shipsOfGroups(ctx.profile.shipGroups);
      if (hulls.length > 0) builder.add(rng.pick(hulls), place, rng.int(1, 3), false);
    } else builder.stack(place, rng.weighted(STACK_WEIGHTS[archetype]));
  }
  return {
    base: builder.items,
    items: builder.items,
    names: builder.names,
    positions: builder.positions,
    nextN: builder.nextN,
  };
}

/** The ESI name of an item: its custom name, or "None" as ESI answers for unnamed items. */
export function assetName(section: AssetsSection, itemId: number): string {
  return section.names.get(itemId) ?? "None";
}

/**
 * Moves up to three top-level hangar stacks to another station and adds
 * `added` new stacks to the home hangar. Items are replaced, never edited, so
 * `base` keeps the generated tree.
 */
export function mutateAssets(
  ctx: CharacterContext,
  section: AssetsSection,
  rng: Rng,
  added: number,
): { moved: number[]; added: number[] } {
  const items = section.items === section.base ? [...section.base] : section.items;
  const parents = new Set(items.map((i) => i.location_id));
  const movable = items
    .map((item, index) => ({ item, index }))
    .filter(
      ({ item }) => item.location_type === "station" && item.location_flag === "Hangar" && !parents.has(item.item_id),
    );
  const moved = rng.sample(movable, 3).map(({ item, index }) => {
    const stations = stationsByBand().high.filter((s) => s.id !== item.location_id);
    items[index] = { ...item, location_id: rng.pick(stations).id };
    return item.item_id;
  });
  const home: Place = { locationId: ctx.profile.homeStation.id, locationType: "station", flag: "Hangar" };
  const newIds: number[] = [];
  for (let i = 0; i < added; i++) {
    const kind = rng.weighted(STACK_WEIGHTS[ctx.profile.archetype]);
    const type = stackType(rng, kind);
    const itemId = makeId(ID_SPACES.item, ctx.index, section.nextN++);
    const singleton = kind === "blueprint";
    items.push({
      item_id: itemId,
      type_id: type.id,
      location_id: home.locationId,
      location_type: home.locationType,
      location_flag: home.flag,
      quantity: singleton ? 1 : stackQuantity(rng, kind),
      is_singleton: singleton,
      ...(singleton ? { is_blueprint_copy: true } : {}),
    });
    newIds.push(itemId);
  }
  section.items = items;
  return { moved, added: newIds };
}
