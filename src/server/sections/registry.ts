// The one registry of character sections (docs/architecture.md, principle 1). The
// record is keyed by SectionName, so the compiler refuses a section left out or listed
// twice; order and names come from ./names.ts.
import { assets } from "./assets";
import { attributes } from "./attributes";
import { blueprints } from "./blueprints";
import { calendar } from "./calendar";
import { characterDetails } from "./character-details";
import { contacts } from "./contacts";
import { contracts } from "./contracts";
import { corporationHistory } from "./corporation-history";
import { fittings } from "./fittings";
import { fwStats } from "./fw-stats";
import { implants } from "./implants";
import { industryJobs } from "./industry-jobs";
import { jumpClones } from "./jump-clones";
import { killmails } from "./killmails";
import { location } from "./location";
import { loyalty } from "./loyalty";
import { mails } from "./mails";
import { marketOrders } from "./market-orders";
import { miningLedger } from "./mining-ledger";
import { type SectionName, SECTION_NAMES } from "./names";
import { notifications } from "./notifications";
import { onlineStatus } from "./online-status";
import { planets } from "./planets";
import { roles } from "./roles";
import { ship } from "./ship";
import { skillQueue } from "./skill-queue";
import { skillSets } from "./skill-sets";
import { skills } from "./skills";
import { standings } from "./standings";
import { titles } from "./titles";
import type { SectionDefinition } from "./types";
import { walletBalance } from "./wallet-balance";
import { walletJournal } from "./wallet-journal";
import { walletTransactions } from "./wallet-transactions";

export { SECTION_NAMES, type SectionName } from "./names";

const BY_NAME: { readonly [N in SectionName]: SectionDefinition<any> } = {
  wallet_balance: walletBalance,
  skills,
  skill_queue: skillQueue,
  attributes,
  implants,
  jump_clones: jumpClones,
  corporation_history: corporationHistory,
  character_details: characterDetails,
  titles,
  fw_stats: fwStats,
  standings,
  wallet_journal: walletJournal,
  wallet_transactions: walletTransactions,
  loyalty,
  mining_ledger: miningLedger,
  contracts,
  planets,
  assets,
  location,
  ship,
  online_status: onlineStatus,
  contacts,
  mails,
  roles,
  notifications,
  calendar,
  blueprints,
  industry_jobs: industryJobs,
  market_orders: marketOrders,
  fittings,
  killmails,
  skill_sets: skillSets,
};

for (const [key, section] of Object.entries(BY_NAME)) {
  if (section.name !== key) throw new Error(`section registry: ${key} holds the section named ${section.name}`);
}

export const SECTIONS: readonly SectionDefinition<any>[] = SECTION_NAMES.map((name) => BY_NAME[name]);

export function findSection(name: string): SectionDefinition<any> | undefined {
  return Object.hasOwn(BY_NAME, name) ? BY_NAME[name as SectionName] : undefined;
}

/** Every ESI scope some section needs, sorted. */
export function sectionScopes(): string[] {
  return [...new Set(SECTIONS.flatMap((s) => s.scopes))].sort();
}
