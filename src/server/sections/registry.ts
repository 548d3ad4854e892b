// The one list of character sections. Adding a section is adding its module here.
import type { SectionDefinition } from "./types";
import { walletBalance } from "./wallet-balance";
// -- group A imports
// -- group B imports
// -- group C imports
// -- group D imports

export const SECTIONS: readonly SectionDefinition<any>[] = [
  walletBalance,
  // -- group A sections
  // -- group B sections
  // -- group C sections
  // -- group D sections
];

export const SECTION_NAMES: readonly string[] = SECTIONS.map((s) => s.name);

export function findSection(name: string): SectionDefinition<any> | undefined {
  return SECTIONS.find((s) => s.name === name);
}

/** Every ESI scope some section needs, sorted (the registration scope list is a superset). */
export function sectionScopes(): string[] {
  return [...new Set(SECTIONS.flatMap((s) => s.scopes))].sort();
}
