// The ESI scopes asked for when a character is registered: every scope a section of the
// registry needs, plus those Member Audit's code also asks for that no section reads
// yet, so that a grant made here is as wide as Member Audit's (a section added later
// finds its scope granted instead of sending every pilot through SSO again). Member
// Audit's manual also lists esi-mail.organize_mail.v1, which its code dropped in
// 3.12.0; we never write mail, so we do not ask for it.
import { sectionScopes } from "./registry";

const MEMBER_AUDIT_EXTRA_SCOPES = [
  "esi-characters.read_agents_research.v1",
  "esi-characters.read_fatigue.v1",
  "esi-characters.read_medals.v1",
  "esi-corporations.read_corporation_membership.v1",
  "esi-markets.structure_markets.v1",
  "esi-planets.read_customs_offices.v1",
  "esi-search.search_structures.v1",
] as const;

export const CHARACTER_SCOPES: readonly string[] = [
  ...new Set([...sectionScopes(), ...MEMBER_AUDIT_EXTRA_SCOPES]),
].sort();
