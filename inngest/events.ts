// Event types of the background jobs: names and the data each carries, validated on send and on receipt.
import { z } from "zod";
import { defineEvent } from "~/server/jobs/job";

export const characterPublicRefresh = defineEvent(
  "memberaudit/character.public.refresh",
  z.object({ characterIds: z.array(z.number().int().positive()).min(1).max(1000) }),
);

export const characterUpdate = defineEvent(
  "memberaudit/character.update",
  z.object({
    characterId: z.number().int().positive(),
    /** Only these sections (the manual "update now"); absent = the stale ones. */
    sections: z.array(z.string().min(1)).max(64).optional(),
    force: z.boolean().optional(),
  }),
);
