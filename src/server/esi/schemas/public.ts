// Response shapes of ESI's public character routes, as CCP's OpenAPI document
// (reference esi-openapi-3.0.3-2026-07-17.json) declares them; only the fields we use
// are required here, unknown extra fields pass.
import { z } from "zod";

export const characterPublicInfo = z.object({
  name: z.string(),
  corporation_id: z.number().int(),
  alliance_id: z.number().int().optional(),
  faction_id: z.number().int().optional(),
  birthday: z.string(),
  security_status: z.number().optional(),
});

export const characterAffiliations = z.array(
  z.object({
    character_id: z.number().int(),
    corporation_id: z.number().int(),
    alliance_id: z.number().int().optional(),
    faction_id: z.number().int().optional(),
  }),
);

export const universeNames = z.array(
  z.object({
    id: z.number().int(),
    name: z.string(),
    category: z.string(),
  }),
);
