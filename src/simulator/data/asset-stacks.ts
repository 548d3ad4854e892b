// What a loose item stack is: the kinds each archetype keeps, by weight, and the
// type and quantity a stack of each kind gets.
import type { ModuleSlot, SdeType } from "../sde";
import {
  blueprints,
  boosters,
  charges,
  drones,
  implantsBySlot,
  materials,
  minerals,
  modulesBySlot,
  ores,
  planetaryCommodities,
} from "./catalog";
import type { Archetype } from "./profile";
import type { Rng } from "./prng";

export type StackKind =
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

export const STACK_WEIGHTS: Record<Archetype, readonly (readonly [StackKind, number])[]> = {
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

export function stackType(rng: Rng, kind: StackKind): SdeType {
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

export function stackQuantity(rng: Rng, kind: StackKind): number {
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
