import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { revokeRefreshToken } from "~/server/auth/sso-client";
import { listMyCharacters } from "~/server/characters/my-characters";
import { CharacterNotFoundError, removeCharacter } from "~/server/characters/registration";
import { router, signedInProcedure } from "../trpc";

const characterId = z.object({ characterId: z.number().int().positive() });

export const charactersRouter = router({
  mine: signedInProcedure.query(({ ctx }) => listMyCharacters(ctx.deps.db, ctx.user.id)),

  remove: signedInProcedure.input(characterId).mutation(async ({ ctx, input }) => {
    try {
      const { refreshToken } = await removeCharacter(ctx.deps, ctx.user.id, input.characterId);
      // Polite to CCP and to the pilot: the grant we no longer use is revoked.
      if (refreshToken) await revokeRefreshToken(ctx.deps.sso, refreshToken).catch(() => undefined);
      return { removed: input.characterId };
    } catch (error) {
      if (error instanceof CharacterNotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: error.message });
      throw error;
    }
  }),
});
