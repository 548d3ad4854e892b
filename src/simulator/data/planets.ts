// Planetary industry: colonies on real planets near home, each with a command
// centre, extractor control units, factories running valid schematics for
// their facility, storage and a launchpad, linked and routed together.
import { findPlanet, type SdePlanet, sdeSchematics, type SdeType, typesInCategory } from "../sde";
import type { EsiGet, EsiItem } from "./esi-types";
import { HOUR_MS, ID_SPACES, ITEM_BLOCKS, isoSeconds, makeId, MINUTE_MS } from "./ids";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type Colony = EsiItem<"/characters/{character_id}/planets">;
export type ColonyLayout = EsiGet<"/characters/{character_id}/planets/{planet_id}">;
type Pin = ColonyLayout["pins"][number];
type PlanetType = Colony["planet_type"];

export interface PlanetsSection {
  colonies: Colony[];
  layouts: Map<number, ColonyLayout>;
}

const PLANET_TYPES: Record<number, PlanetType> = {
  11: "temperate",
  12: "ice",
  13: "gas",
  2014: "oceanic",
  2015: "lava",
  2016: "barren",
  2017: "storm",
  2063: "plasma",
};

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Pin types of one planet type, by role, from the structure names ("Barren Launchpad"). */
function pinTypes(planetType: PlanetType) {
  const prefix = `${capitalised(planetType)} `;
  const all = typesInCategory(41).filter((t) => t.name.startsWith(prefix));
  const named = (suffix: string) => all.filter((t) => t.name.endsWith(suffix));
  const resources = typesInCategory(42);
  // Planet-specific extractor names list the resources the planet yields.
  const yields = named(" Extractor").flatMap((extractor) => {
    const resource = extractor.name.slice(prefix.length, -" Extractor".length);
    return resources.filter((r) => resource.startsWith(r.name.replace(/s$/, "")));
  });
  return {
    commandCenter: named("Command Center")[0],
    extractor: named("Extractor Control Unit")[0],
    factories: [
      ...named("Basic Industry Facility"),
      ...named("Advanced Industry Facility"),
      ...named("High-Tech Production Plant"),
    ],
    storage: named("Storage Facility")[0],
    launchpad: named("Launchpad")[0],
    yields,
  };
}

function layout(ctx: CharacterContext, rng: Rng, colony: Colony, pinBase: number): ColonyLayout {
  const types = pinTypes(colony.planet_type);
  const pins: Pin[] = [];
  let n = pinBase;
  const at = (type: SdeType | undefined, extra: Partial<Pin> = {}) => {
    if (!type) return undefined;
    const pin: Pin = {
      pin_id: makeId(ID_SPACES.item, ctx.index, ITEM_BLOCKS.pins + n++),
      type_id: type.id,
      latitude: Math.round(rng.float(0, Math.PI) * 1e4) / 1e4,
      longitude: Math.round(rng.float(0, 2 * Math.PI) * 1e4) / 1e4,
      ...extra,
    };
    pins.push(pin);
    return pin;
  };
  const updated = Date.parse(colony.last_update);
  const command = at(types.commandCenter, { last_cycle_start: colony.last_update });
  const extractors = Array.from({ length: Math.min(2, colony.upgrade_level) }, () => {
    const cycle = rng.pick([15, 30, 60, 120]) * MINUTE_MS;
    const heads = rng.int(1, 10);
    return at(types.extractor, {
      install_time: isoSeconds(updated - rng.int(1, 72) * HOUR_MS),
      expiry_time: isoSeconds(updated + rng.int(-24, 96) * HOUR_MS),
      last_cycle_start: colony.last_update,
      extractor_details: {
        cycle_time: cycle / 1000,
        head_radius: Math.round(rng.float(0.01, 0.05) * 1e4) / 1e4,
        heads: Array.from({ length: heads }, (_, head_id) => ({
          head_id,
          latitude: Math.round(rng.float(0, Math.PI) * 1e4) / 1e4,
          longitude: Math.round(rng.float(0, 2 * Math.PI) * 1e4) / 1e4,
        })),
        qty_per_cycle: rng.int(500, 12_000),
        ...(types.yields.length > 0 ? { product_type_id: rng.pick(types.yields).id } : {}),
      },
    });
  });
  const factories = Array.from({ length: rng.int(0, Math.max(0, colony.num_pins - 4)) }, () => {
    const type = types.factories.length > 0 ? rng.pick(types.factories) : undefined;
    const schematics = type ? sdeSchematics().filter((s) => s.pinTypeIds.includes(type.id)) : [];
    if (!type || schematics.length === 0) return undefined;
    const schematic = rng.pick(schematics);
    return at(type, {
      schematic_id: schematic.id,
      factory_details: { schematic_id: schematic.id },
      last_cycle_start: colony.last_update,
    });
  });
  const storage = at(types.storage, {
    contents: types.yields.slice(0, 2).map((r) => ({ type_id: r.id, amount: rng.int(0, 60_000) })),
  });
  const launchpad = at(types.launchpad);
  const hub = command ?? pins[0];
  const links = hub
    ? pins
        .filter((p) => p !== hub)
        .map((p) => ({ source_pin_id: hub.pin_id, destination_pin_id: p.pin_id, link_level: rng.int(0, 2) }))
    : [];
  let routeN = 1;
  const routes: ColonyLayout["routes"] = [];
  for (const extractor of extractors) {
    const product = extractor?.extractor_details?.product_type_id;
    const target = storage ?? launchpad;
    if (!extractor || !product || !target) continue;
    routes.push({
      route_id: routeN++,
      source_pin_id: extractor.pin_id,
      destination_pin_id: target.pin_id,
      content_type_id: product,
      quantity: extractor.extractor_details?.qty_per_cycle ?? 1,
      waypoints: [],
    });
  }
  for (const factory of factories) {
    const schematic = sdeSchematics().find((s) => s.id === factory?.schematic_id);
    const target = launchpad ?? storage;
    if (!factory || !schematic || !target) continue;
    routes.push({
      route_id: routeN++,
      source_pin_id: factory.pin_id,
      destination_pin_id: target.pin_id,
      content_type_id: schematic.output[0],
      quantity: schematic.output[1],
    });
  }
  return { pins, links, routes };
}

export function generatePlanets(ctx: CharacterContext): PlanetsSection {
  const rng = ctx.rng("planets");
  const candidates: SdePlanet[] = ctx.profile.localSystems
    .flatMap((s) => s.planets.map(([id]) => findPlanet(id)))
    .filter((p): p is SdePlanet => p !== undefined && PLANET_TYPES[p.typeId] !== undefined);
  const chosen = rng.sample(candidates, ctx.profile.volumes.planets).sort((a, b) => a.id - b.id);
  const section: PlanetsSection = { colonies: [], layouts: new Map() };
  chosen.forEach((planet, i) => {
    const upgrade = rng.int(0, 5);
    const colony: Colony = {
      planet_id: planet.id,
      planet_type: PLANET_TYPES[planet.typeId] ?? "barren",
      solar_system_id: planet.systemId,
      owner_id: ctx.character.characterId,
      upgrade_level: upgrade,
      num_pins: 0,
      last_update: isoSeconds(ctx.anchorMs - rng.int(1, 240) * HOUR_MS),
    };
    colony.num_pins = 4 + upgrade * 2;
    const detail = layout(ctx, rng, colony, i * 100);
    colony.num_pins = detail.pins.length;
    section.colonies.push(colony);
    section.layouts.set(planet.id, detail);
  });
  return section;
}
