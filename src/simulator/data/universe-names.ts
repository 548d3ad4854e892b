// Names <-> ids over everything the simulator knows: roster and synthetic
// pilots, player and NPC corporations, alliances, factions, agents, types and
// the extract's map. Backs POST /universe/ids, and resolveUniverseName can
// back POST /universe/names.
import { findSimAlliance, findSimCorporation, simAlliances, simCharacters, simCorporations } from "../roster";
import {
  findAgent,
  findConstellation,
  findFaction,
  findNpcCorporation,
  findRegion,
  findStation,
  findSystem,
  findType,
  sdeAgents,
  sdeConstellations,
  sdeFactions,
  sdeNpcCorporations,
  sdeRegions,
  sdeStations,
  sdeSystems,
  sdeTypes,
} from "../sde";
import { findAnyCharacter, findSyntheticCharacterIdByName } from "./characters";
import type { EsiPost } from "./esi-types";

export type UniverseIds = EsiPost<"/universe/ids">;
type IdsCategory = keyof UniverseIds;
export type UniverseName = EsiPost<"/universe/names">[number];

let index: Map<string, [IdsCategory, number, string]> | undefined;

function nameIndex(): Map<string, [IdsCategory, number, string]> {
  if (index) return index;
  const out = new Map<string, [IdsCategory, number, string]>();
  const add = (category: IdsCategory, id: number, name: string) => {
    const key = name.toLowerCase();
    if (!out.has(key)) out.set(key, [category, id, name]);
  };
  for (const c of simCharacters) add("characters", c.characterId, c.name);
  for (const c of simCorporations) add("corporations", c.corporationId, c.name);
  for (const a of simAlliances) add("alliances", a.allianceId, a.name);
  for (const f of sdeFactions()) add("factions", f.id, f.name);
  for (const c of sdeNpcCorporations()) add("corporations", c.id, c.name);
  for (const a of sdeAgents()) add("agents", a.id, a.name);
  for (const r of sdeRegions()) add("regions", r.id, r.name);
  for (const c of sdeConstellations()) add("constellations", c.id, c.name);
  for (const s of sdeSystems()) add("systems", s.id, s.name);
  for (const s of sdeStations()) add("stations", s.id, s.name);
  for (const t of sdeTypes()) if (t.published) add("inventory_types", t.id, t.name);
  index = out;
  return out;
}

/** ESI's exact-match (case-insensitive) name resolution; unknown names are left out. */
export function universeIds(names: readonly string[]): UniverseIds {
  const out: { [K in IdsCategory]?: { id: number; name: string }[] } = {};
  for (const name of names) {
    const hit = nameIndex().get(name.toLowerCase());
    const syntheticId = hit ? undefined : findSyntheticCharacterIdByName(name);
    const found: [IdsCategory, number, string] | undefined =
      hit ??
      (syntheticId === undefined
        ? undefined
        : ["characters", syntheticId, findAnyCharacter(syntheticId)?.name ?? name]);
    if (!found) continue;
    const [category, id, canonical] = found;
    const list = out[category] ?? [];
    out[category] = list;
    if (!list.some((entry) => entry.id === id)) list.push({ id, name: canonical });
  }
  return out;
}

/** The /universe/names entry of an id, or undefined when the simulator does not know it. */
export function resolveUniverseName(id: number): UniverseName | undefined {
  const character = findAnyCharacter(id);
  if (character) return { category: "character", id, name: character.name };
  const corporation = findSimCorporation(id);
  if (corporation) return { category: "corporation", id, name: corporation.name };
  const alliance = findSimAlliance(id);
  if (alliance) return { category: "alliance", id, name: alliance.name };
  const lookups: [UniverseName["category"], { name: string } | undefined][] = [
    ["corporation", findNpcCorporation(id)],
    ["faction", findFaction(id)],
    ["character", findAgent(id)],
    ["region", findRegion(id)],
    ["constellation", findConstellation(id)],
    ["solar_system", findSystem(id)],
    ["station", findStation(id)],
    ["inventory_type", findType(id)],
  ];
  for (const [category, found] of lookups) if (found) return { category, id, name: found.name };
  return undefined;
}
