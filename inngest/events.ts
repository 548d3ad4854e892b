// Event types of the background jobs: names and the data each carries, validated on send and on receipt.
import { z } from "zod";
import { defineEvent } from "~/server/jobs/job";

export const characterPublicRefresh = defineEvent(
  "memberaudit/character.public.refresh",
  z.object({ characterIds: z.array(z.number().int().positive()).min(1).max(1000) }),
);
