// The pilot's own state: skills, attributes and the training queue, clones and
// implants, where they are and in what ship, and their saved fittings.
import { characterRoute, RATE_LIMITS, section } from "../data-route";
import type { EsiRoute } from "../route";

const SCOPES = {
  clones: "esi-clones.read_clones.v1",
  fittings: "esi-fittings.read_fittings.v1",
  implants: "esi-clones.read_implants.v1",
  location: "esi-location.read_location.v1",
  online: "esi-location.read_online.v1",
  ship: "esi-location.read_ship_type.v1",
  skillqueue: "esi-skills.read_skillqueue.v1",
  skills: "esi-skills.read_skills.v1",
} as const;

export const pilotRoutes: readonly EsiRoute[] = [
  characterRoute({
    path: "/characters/{character_id}/attributes",
    scope: SCOPES.skills,
    cacheSeconds: 120,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "skills").attributes,
  }),
  characterRoute({
    path: "/characters/{character_id}/clones",
    scope: SCOPES.clones,
    cacheSeconds: 120,
    rateLimit: RATE_LIMITS.charLocation,
    handler: (c) => section(c, "clones").clones,
  }),
  characterRoute({
    path: "/characters/{character_id}/fittings",
    scope: SCOPES.fittings,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.fitting,
    handler: (c) => section(c, "market").fittings,
  }),
  characterRoute({
    path: "/characters/{character_id}/implants",
    scope: SCOPES.implants,
    cacheSeconds: 120,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "clones").implants,
  }),
  characterRoute({
    path: "/characters/{character_id}/location",
    scope: SCOPES.location,
    cacheSeconds: 5,
    rateLimit: RATE_LIMITS.charLocation,
    handler: (c) => section(c, "location").location,
  }),
  characterRoute({
    path: "/characters/{character_id}/online",
    scope: SCOPES.online,
    cacheSeconds: 60,
    rateLimit: RATE_LIMITS.charLocation,
    handler: (c) => section(c, "location").online,
  }),
  characterRoute({
    path: "/characters/{character_id}/ship",
    scope: SCOPES.ship,
    cacheSeconds: 5,
    rateLimit: RATE_LIMITS.charLocation,
    handler: (c) => section(c, "location").ship,
  }),
  characterRoute({
    path: "/characters/{character_id}/skillqueue",
    scope: SCOPES.skillqueue,
    cacheSeconds: 60,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "skills").queue,
  }),
  characterRoute({
    path: "/characters/{character_id}/skills",
    scope: SCOPES.skills,
    cacheSeconds: 60,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "skills").skills,
  }),
];
