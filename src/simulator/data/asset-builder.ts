// The asset builder: adds items to the tree one at a time (stacks, assembled ships
// with their fittings, containers with their contents, deployables in space) and
// keeps the custom names and positions they get.
import { DOGMA, type ModuleSlot, type SdeType } from "../sde";
import { type StackKind, STACK_WEIGHTS, stackQuantity, stackType } from "./asset-stacks";
import { containers, deployables, drones, modulesBySlot, shipsOfGroups } from "./catalog";
import type { EsiItem } from "./esi-types";
import { ID_SPACES, ITEM_BLOCKS, makeId } from "./ids";
import type { Archetype, CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type Asset = EsiItem<"/characters/{character_id}/assets">;
export type Position = readonly [number, number, number];

export interface Place {
  readonly locationId: number;
  readonly locationType: Asset["location_type"];
  readonly flag: Asset["location_flag"];
}

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

export class AssetBuilder {
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
