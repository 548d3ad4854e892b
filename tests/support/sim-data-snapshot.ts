// Serialises a character's sections (Maps included) so tests can compare
// whole data sets or tell which sections a change touched.
import { characterSection, type SectionName } from "~/simulator/data";

export const SECTION_NAMES: readonly SectionName[] = [
  "skills",
  "clones",
  "assets",
  "wallet",
  "mail",
  "contacts",
  "contracts",
  "location",
  "social",
  "events",
  "planets",
  "industry",
  "market",
];

const replacer = (_key: string, value: unknown) => (value instanceof Map ? [...value.entries()] : value);

export function sectionJson(characterId: number, name: SectionName): string {
  return JSON.stringify(characterSection(characterId, name), replacer);
}

export function snapshot(characterId: number): Record<SectionName, string> {
  return Object.fromEntries(SECTION_NAMES.map((name) => [name, sectionJson(characterId, name)])) as Record<
    SectionName,
    string
  >;
}

/** Names of the sections whose serialisation differs. */
export function changedSections(
  before: Record<SectionName, string>,
  after: Record<SectionName, string>,
): SectionName[] {
  return SECTION_NAMES.filter((name) => before[name] !== after[name]);
}
