// ESI scopes. Login asks only for publicData; registering a character asks for the
// 33 scopes Member Audit's code requests (its manual also lists
// esi-mail.organize_mail.v1, which the code dropped in 3.12.0) plus those of our
// sections beyond Member Audit (fittings), so every section can update. A unit test
// holds this list to the sections registry.
export const LOGIN_SCOPES = ["publicData"] as const;

export const CHARACTER_SCOPES = [
  "esi-assets.read_assets.v1",
  "esi-calendar.read_calendar_events.v1",
  "esi-characters.read_agents_research.v1",
  "esi-characters.read_blueprints.v1",
  "esi-characters.read_contacts.v1",
  "esi-characters.read_corporation_roles.v1",
  "esi-characters.read_fatigue.v1",
  "esi-characters.read_fw_stats.v1",
  "esi-characters.read_loyalty.v1",
  "esi-characters.read_medals.v1",
  "esi-characters.read_notifications.v1",
  "esi-characters.read_standings.v1",
  "esi-characters.read_titles.v1",
  "esi-clones.read_clones.v1",
  "esi-clones.read_implants.v1",
  "esi-contracts.read_character_contracts.v1",
  "esi-corporations.read_corporation_membership.v1",
  "esi-fittings.read_fittings.v1",
  "esi-industry.read_character_jobs.v1",
  "esi-industry.read_character_mining.v1",
  "esi-killmails.read_killmails.v1",
  "esi-location.read_location.v1",
  "esi-location.read_online.v1",
  "esi-location.read_ship_type.v1",
  "esi-mail.read_mail.v1",
  "esi-markets.read_character_orders.v1",
  "esi-markets.structure_markets.v1",
  "esi-planets.manage_planets.v1",
  "esi-planets.read_customs_offices.v1",
  "esi-search.search_structures.v1",
  "esi-skills.read_skillqueue.v1",
  "esi-skills.read_skills.v1",
  "esi-universe.read_structures.v1",
  "esi-wallet.read_character_wallet.v1",
] as const;

export function missingScopes(granted: readonly string[], wanted: readonly string[] = CHARACTER_SCOPES): string[] {
  const have = new Set(granted);
  return wanted.filter((s) => !have.has(s));
}
