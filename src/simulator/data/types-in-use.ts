// The EVE type ids the roster's characters use (skills, assets, ships, fittings,
// industry, market, wallet ...), read from the same generated sections ESI answers
// with: what an install can load up front so a new character's first sheet reads complete.
import { simCharacters } from "../roster";
import { characterSection, type SectionName } from "./store";

const SECTIONS: readonly SectionName[] = [
  "skills",
  "clones",
  "assets",
  "wallet",
  "contracts",
  "location",
  "industry",
  "market",
];
const TYPE_KEY = /(^|_)type_id$|^skill_id$/;

function collect(value: unknown, key: string, into: Set<number>): void {
  if (Array.isArray(value)) {
    // Implant lists are bare type ids.
    for (const item of value) collect(item, key === "implants" ? "type_id" : key, into);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) collect(v, k, into);
  } else if (typeof value === "number" && TYPE_KEY.test(key) && Number.isSafeInteger(value) && value > 0) {
    into.add(value);
  }
}

/** Sorted, distinct type ids of every roster character's generated data. */
export function rosterTypeIds(): number[] {
  const ids = new Set<number>();
  for (const character of simCharacters)
    for (const name of SECTIONS) collect(characterSection(character.characterId, name), name, ids);
  return [...ids].sort((a, b) => a - b);
}
