// The asset tree: item stacks, containers with their contents and assembled
// ships with fitted modules, spread over the character's stations and
// structures. Children always come after their parent and point at an item of
// the same list, so every non-root location_id resolves.
import { DOGMA, type ModuleSlot, type SdeType, stationsInSystem } from "../sde";
import {
  blueprints,
  boosters,
  charges,
  containers,
  deployables,
  drones,
  implantsBySlot,
  materials,
  minerals,
  modulesBySlot,
  ores,
  PLAYER_STRUCTURES,
  planetaryCommodities,
  shipsOfGroups,
  stationsByBand,
  structureVisibleTo,
} from "./catalog";
import type { EsiItem } from "./esi-types";
import { ID_SPACES, ITEM_BLOCKS, makeId } from "./ids";
import type { Archetype, CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type Asset = EsiItem<"/characters/{character_id}/assets">;
export type Position = readonly [number, number, number];

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

interface Place {
  readonly locationId: number;
  readonly locationType: Asset["location_type"];
  readonly flag: Asset["location_flag"];
}

type StackKind =
  | "mineral"
  | "material"
  | "ore"
  | "module"
  | "charge"
  | "drone"
  | "blueprint"
  | "pi"
  | "implant"
  | "booster";

const STACK_WEIGHTS: Record<Archetype, readonly (readonly [StackKind, number])[]> = {
  industrialist: [
    ["mineral", 20],
    ["material", 25],
    ["blueprint", 15],
    ["module", 15],
    ["charge", 10],
    ["pi", 15],
  ],
  researcher: [
    ["blueprint", 40],
    ["material", 20],
    ["module", 15],
    ["pi", 10],
    ["mineral", 15],
  ],
  miner: [
    ["ore", 40],
    ["mineral", 25],
    ["module", 15],
    ["charge", 10],
    ["drone", 10],
  ],
  hauler: [
    ["material", 25],
    ["mineral", 20],
    ["module", 20],
    ["charge", 15],
    ["pi", 20],
  ],
  trader: [
    ["module", 30],
    ["charge", 20],
    ["material", 15],
    ["mineral", 10],
    ["drone", 10],
    ["implant", 5],
    ["booster", 5],
    ["pi", 5],
  ],
  hunter: [
    ["module", 35],
    ["charge", 30],
    ["drone", 10],
    ["implant", 5],
    ["booster", 10],
    ["material", 10],
  ],
  ratter: [
    ["module", 30],
    ["charge", 30],
    ["drone", 15],
    ["material", 15],
    ["implant", 5],
    ["booster", 5],
  ],
  newbie: [
    ["module", 40],
    ["charge", 30],
    ["mineral", 15],
    ["drone", 10],
    ["material", 5],
  ],
};

const SHIP_NAMES = [
  "Workhorse",
  "Old Faithful",
  "Second Chance",
  "Lucky",
  "Spare",
  "Doctrine",
  "Hauler",
  "Bait",
  "Gank Magnet",
  "Cloaky",
  "Scout",
  "Mule",
  "Pride",
  "Nomad",
];
const CONTAINER_NAMES = [
  "Ammo",
  "Loot",
  "Minerals",
  "Spare Parts",
  "Doctrine Fits",
  "Do Not Touch",
  "PI",
  "Blueprints",
  "Sell",
  "Misc",
];

function stackType(rng: Rng, kind: StackKind): SdeType {
  switch (kind) {
    case "mineral":
      return rng.pick(minerals());
    case "material":
      return rng.pick(materials());
    case "ore":
      return rng.pick(ores());
    case "charge":
      return rng.pick(charges());
    case "drone":
      return rng.pick(drones());
    case "blueprint":
      return rng.pick(blueprints());
    case "pi":
      return rng.pick(planetaryCommodities());
    case "implant": {
      const slots = [...implantsBySlot().values()];
      return rng.pick(rng.pick(slots));
    }
    case "booster":
      return rng.pick(boosters());
    default: {
      const bySlot = modulesBySlot();
      return rng.pick(
        bySlot[
          rng.weighted<ModuleSlot>([
            ["hi", 3],
            ["med", 3],
            ["lo", 3],
            ["rig", 1],
          ])
        ],
      );
    }
  }
}

function stackQuantity(rng: Rng, kind: StackKind): number {
  switch (kind) {
    case "mineral":
    case "ore":
      return rng.count(20_000, 2, 1, 50_000_000);
    case "material":
    case "pi":
      return rng.count(800, 1.5, 1, 2_000_000);
    case "charge":
      return rng.count(1_500, 1.3, 1, 500_000);
    case "drone":
      return rng.int(1, 15);
    case "implant":
    case "booster":
      return rng.int(1, 4);
    default:
      return rng.count(3, 1, 1, 200);
  }
}

class AssetBuilder {
  readonly items: Asset[] = [];
  readonly names = new Map<number, string>();
  readonly positions = new Map<number, Position>();
  private n = ITEM_BLOCKS.assets;

  constructor(
    private readonly ctx: CharacterContext,
    private readonly rng: Rng,
  ) {}

  get nextN(): number {
    return this.n + 1;
  }

  add(type: SdeType, place: Place, quantity: number, singleton: boolean, extra: Partial<Asset> = {}): Asset {
    this.n += 1;
    const item: Asset = {
      item_id: makeId(ID_SPACES.item, this.ctx.index, this.n),
      type_id: type.id,
      location_id: place.locationId,
      location_type: place.locationType,
      location_flag: place.flag,
      quantity: singleton ? 1 : quantity,
      is_singleton: singleton,
      ...extra,
    };
    this.items.push(item);
    return item;
  }

  stack(place: Place, kind: StackKind): void {
    const type = stackType(this.rng, kind);
    if (kind === "blueprint") {
      // Originals researched and kept as one item; copies come in many.
      const copy = this.rng.chance(0.6);
      this.add(type, place, 1, true, copy ? { is_blueprint_copy: true } : {});
      return;
    }
    this.add(type, place, stackQuantity(this.rng, kind), false);
  }

  /** An assembled ship with fitted modules, cargo and drones: 1 + up to ~30 items. */
  ship(place: Place, archetype: Archetype, budget: number): void {
    const hulls = shipsOfGroups(this.ctx.profile.shipGroups);
    if (hulls.length === 0) return;
    const hull = this.rng.pick(hulls);
    const ship = this.add(hull, place, 1, true);
    if (this.rng.chance(0.7))
      this.names.set(ship.item_id, `${this.ctx.character.name.split(" ")[0]}'s ${this.rng.pick(SHIP_NAMES)}`);
    const inShip = (flag: Asset["location_flag"]): Place => ({ locationId: ship.item_id, locationType: "item", flag });
    const bySlot = modulesBySlot();
    const fitSlot = (
      slot: ModuleSlot,
      count: number,
      prefix: "HiSlot" | "MedSlot" | "LoSlot" | "RigSlot",
      fill: number,
    ) => {
      for (let i = 0; i < Math.min(count, 8) && this.items.length < budget; i++) {
        if (this.rng.chance(fill))
          this.add(this.rng.pick(bySlot[slot]), inShip(`${prefix}${i}` as Asset["location_flag"]), 1, true);
      }
    };
    fitSlot("hi", hull.dogma?.[DOGMA.hiSlots] ?? 0, "HiSlot", 0.85);
    fitSlot("med", hull.dogma?.[DOGMA.medSlots] ?? 0, "MedSlot", 0.85);
    fitSlot("lo", hull.dogma?.[DOGMA.lowSlots] ?? 0, "LoSlot", 0.85);
    fitSlot("rig", hull.dogma?.[DOGMA.rigSlots] ?? 0, "RigSlot", 0.6);
    if (["hunter", "ratter", "newbie"].includes(archetype) && this.rng.chance(0.5)) {
      this.add(this.rng.pick(drones()), inShip("DroneBay"), this.rng.int(1, 5), false);
    }
    const cargoStacks = this.rng.int(0, 4);
    for (let i = 0; i < cargoStacks && this.items.length < budget; i++)
      this.stack(inShip("Cargo"), this.rng.chance(0.6) ? "charge" : "material");
    if (this.rng.chance(0.1) && this.items.length < budget - 3) this.container(inShip("Cargo"), budget);
  }

  container(place: Place, budget: number): void {
    const type = this.rng.pick(containers());
    const box = this.add(type, place, 1, true);
    if (this.rng.chance(0.6)) this.names.set(box.item_id, this.rng.pick(CONTAINER_NAMES));
    // Audit log containers lock what is put in them; the others do not.
    const flag: Asset["location_flag"] = type.groupId === 448 && this.rng.chance(0.5) ? "Locked" : "Unlocked";
    const inside = this.rng.count(8, 1, 1, 200);
    for (let i = 0; i < inside && this.items.length < budget; i++) {
      this.stack(
        { locationId: box.item_id, locationType: "item", flag },
        this.rng.weighted(STACK_WEIGHTS[this.ctx.profile.archetype]),
      );
    }
  }

  deployable(systemId: number): void {
    const item = this.add(
      this.rng.pick(deployables()),
      { locationId: systemId, locationType: "solar_system", flag: "AutoFit" },
      1,
      true,
    );
    const position: Position = [
      Math.round(this.rng.float(-5e11, 5e11)),
      Math.round(this.rng.float(-5e10, 5e10)),
      Math.round(this.rng.float(-5e11, 5e11)),
    ];
    this.positions.set(item.item_id, position);
  }
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
