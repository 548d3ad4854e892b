// The character sections' names, in registry order: the one list that the SectionName
// type, the tabs, the settings and the job events are checked against. It imports
// nothing, so client components may import its type. A new section's name goes here;
// the registry (./registry.ts) does not compile until the section is listed there too.
export const SECTION_NAMES = [
  "wallet_balance",
  "skills",
  "skill_queue",
  "attributes",
  "implants",
  "jump_clones",
  "corporation_history",
  "character_details",
  "titles",
  "fw_stats",
  "standings",
  "wallet_journal",
  "wallet_transactions",
  "loyalty",
  "mining_ledger",
  "contracts",
  "planets",
  "assets",
  "location",
  "ship",
  "online_status",
  "contacts",
  "mails",
  "roles",
  "notifications",
  "calendar",
  "blueprints",
  "industry_jobs",
  "market_orders",
  "fittings",
  "killmails",
  "skill_sets",
] as const;

export type SectionName = (typeof SECTION_NAMES)[number];

export function isSectionName(value: string): value is SectionName {
  return (SECTION_NAMES as readonly string[]).includes(value);
}
