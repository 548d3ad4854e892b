// The one list of character sections. Adding a section is adding its module here.
import type { SectionDefinition } from "./types";
import { walletBalance } from "./wallet-balance";

export const SECTIONS: readonly SectionDefinition<any>[] = [walletBalance];

export const SECTION_NAMES: readonly string[] = SECTIONS.map((s) => s.name);

export function findSection(name: string): SectionDefinition<any> | undefined {
  return SECTIONS.find((s) => s.name === name);
}

/** Every ESI scope some section needs, sorted (the registration scope list is a superset). */
export function sectionScopes(): string[] {
  return [...new Set(SECTIONS.flatMap((s) => s.scopes))].sort();
}
