// Authenticated /characters/{character_id}/... routes over the synthetic data
// (every route the 25 Member Audit sections use, plus blueprints, industry,
// killmails, notifications, calendar and fittings) and the public killmail
// details, assembled from the topic modules in ./character. Metadata (scope,
// cache age, rate-limit group, page size) is CCP's 2026-07-17 spec; paged
// handlers return the whole list and the HTTP layer pages it.
import { assetRoutes } from "./character/assets";
import { killmailRoutes } from "./character/killmails";
import { mailRoutes } from "./character/mail";
import { pilotRoutes } from "./character/pilot";
import { socialRoutes } from "./character/social";
import { walletRoutes } from "./character/wallet";
import type { EsiRoute } from "./route";

export const characterEsiRoutes: readonly EsiRoute[] = [
  ...pilotRoutes,
  ...assetRoutes,
  ...walletRoutes,
  ...mailRoutes,
  ...socialRoutes,
  ...killmailRoutes,
];
