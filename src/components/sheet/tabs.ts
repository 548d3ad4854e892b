// The character sheet's tabs, in display order. `sections` names the registry sections
// a tab shows, so the tab bar can flag tabs whose data failed to update.
import type { SectionName } from "~/server/sections/names";

export interface SheetTab {
  slug: string;
  label: string;
  sections: readonly SectionName[];
}

export const SHEET_TABS: readonly SheetTab[] = [
  {
    slug: "",
    label: "Overview",
    sections: ["character_details", "corporation_history", "location", "ship", "online_status", "wallet_balance"],
  },
  { slug: "bio", label: "Bio", sections: ["character_details"] },
  { slug: "assets", label: "Assets", sections: ["assets"] },
  { slug: "skills", label: "Skills", sections: ["skills"] },
  { slug: "skill-queue", label: "Skill queue", sections: ["skill_queue"] },
  { slug: "skill-sets", label: "Skill sets", sections: ["skill_sets"] },
  { slug: "clones", label: "Clones", sections: ["jump_clones", "implants", "attributes"] },
  { slug: "wallet", label: "Wallet", sections: ["wallet_balance", "wallet_journal", "wallet_transactions"] },
  { slug: "mail", label: "Mail", sections: ["mails"] },
  { slug: "contacts", label: "Contacts", sections: ["contacts"] },
  { slug: "contracts", label: "Contracts", sections: ["contracts"] },
  { slug: "standings", label: "Standings", sections: ["standings", "loyalty"] },
  { slug: "mining", label: "Mining", sections: ["mining_ledger"] },
  { slug: "planets", label: "Planets", sections: ["planets"] },
  { slug: "corporation", label: "Corporation", sections: ["corporation_history", "titles", "roles", "fw_stats"] },
  { slug: "industry", label: "Industry", sections: ["blueprints", "industry_jobs", "market_orders"] },
  { slug: "killmails", label: "Killmails", sections: ["killmails"] },
  { slug: "calendar", label: "Calendar", sections: ["notifications", "calendar"] },
  { slug: "fittings", label: "Fittings", sections: ["fittings"] },
];
