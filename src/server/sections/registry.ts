// The one list of character sections. Adding a section is adding its module here.
import type { SectionDefinition } from "./types";
import { walletBalance } from "./wallet-balance";
// -- group A imports
import { attributes } from "./attributes";
import { characterDetails } from "./character-details";
import { corporationHistory } from "./corporation-history";
import { fwStats } from "./fw-stats";
import { implants } from "./implants";
import { jumpClones } from "./jump-clones";
import { skillQueue } from "./skill-queue";
import { skills } from "./skills";
import { standings } from "./standings";
import { titles } from "./titles";
// -- group B imports
import { contracts } from "./contracts";
import { loyalty } from "./loyalty";
import { miningLedger } from "./mining-ledger";
import { planets } from "./planets";
import { walletJournal } from "./wallet-journal";
import { walletTransactions } from "./wallet-transactions";
// -- group C imports
import { assets } from "./assets";
import { location } from "./location";
import { onlineStatus } from "./online-status";
import { ship } from "./ship";
// -- group D imports
import { calendar } from "./calendar";
import { contacts } from "./contacts";
import { mails } from "./mails";
import { notifications } from "./notifications";
import { roles } from "./roles";
// -- group E imports
import { blueprints } from "./blueprints";
import { fittings } from "./fittings";
import { industryJobs } from "./industry-jobs";
import { killmails } from "./killmails";
import { marketOrders } from "./market-orders";
import { skillSets } from "./skill-sets";

export const SECTIONS: readonly SectionDefinition<any>[] = [
  walletBalance,
  // -- group A sections
  skills,
  skillQueue,
  attributes,
  implants,
  jumpClones,
  corporationHistory,
  characterDetails,
  titles,
  fwStats,
  standings,
  // -- group B sections
  walletJournal,
  walletTransactions,
  loyalty,
  miningLedger,
  contracts,
  planets,
  // -- group C sections
  assets,
  location,
  ship,
  onlineStatus,
  // -- group D sections
  contacts,
  mails,
  roles,
  notifications,
  calendar,
  // -- group E sections
  blueprints,
  industryJobs,
  marketOrders,
  fittings,
  killmails,
  skillSets,
];

export const SECTION_NAMES: readonly string[] = SECTIONS.map((s) => s.name);

export function findSection(name: string): SectionDefinition<any> | undefined {
  return SECTIONS.find((s) => s.name === name);
}

/** Every ESI scope some section needs, sorted (the registration scope list is a superset). */
export function sectionScopes(): string[] {
  return [...new Set(SECTIONS.flatMap((s) => s.scopes))].sort();
}
