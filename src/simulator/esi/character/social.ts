// The pilot among others: contacts, corporation history and roles, titles,
// medals, standings, loyalty points and factional-warfare stats.
import { characterRoute, pathCharacter, RATE_LIMITS, section } from "../data-route";
import type { EsiRoute } from "../route";

const SCOPES = {
  contacts: "esi-characters.read_contacts.v1",
  fwStats: "esi-characters.read_fw_stats.v1",
  loyalty: "esi-characters.read_loyalty.v1",
  medals: "esi-characters.read_medals.v1",
  roles: "esi-characters.read_corporation_roles.v1",
  standings: "esi-characters.read_standings.v1",
  titles: "esi-characters.read_titles.v1",
} as const;

export const socialRoutes: readonly EsiRoute[] = [
  characterRoute({
    path: "/characters/{character_id}/contacts",
    scope: SCOPES.contacts,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charSocial,
    pageSize: 1024,
    handler: (c) => section(c, "contacts").contacts,
  }),
  characterRoute({
    path: "/characters/{character_id}/contacts/labels",
    scope: SCOPES.contacts,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c) => section(c, "contacts").labels,
  }),
  {
    method: "GET",
    path: "/characters/{character_id}/corporationhistory",
    cacheSeconds: 86400,
    handler: (request) => section(pathCharacter(request), "social").history,
  },
  characterRoute({
    path: "/characters/{character_id}/fw/stats",
    scope: SCOPES.fwStats,
    // The spec declares no x-cache-age here (the data refreshes daily at 11:05).
    cacheSeconds: 0,
    rateLimit: RATE_LIMITS.factionalWarfare,
    handler: (c) => section(c, "social").fw,
  }),
  characterRoute({
    path: "/characters/{character_id}/loyalty/points",
    scope: SCOPES.loyalty,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charWallet,
    handler: (c) => section(c, "social").loyalty,
  }),
  characterRoute({
    path: "/characters/{character_id}/medals",
    scope: SCOPES.medals,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "social").medals,
  }),
  characterRoute({
    path: "/characters/{character_id}/roles",
    scope: SCOPES.roles,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "social").roles,
  }),
  characterRoute({
    path: "/characters/{character_id}/standings",
    scope: SCOPES.standings,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c) => section(c, "social").standings,
  }),
  characterRoute({
    path: "/characters/{character_id}/titles",
    scope: SCOPES.titles,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "social").titles,
  }),
];
