import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { revokeRefreshToken } from "~/server/auth/sso-client";
import { listMyCharacters } from "~/server/characters/my-characters";
import { CharacterNotFoundError, removeCharacter } from "~/server/characters/registration";
import { setShared, SharingNotAllowedError } from "~/server/characters/sharing";
import { permissionProcedure, router } from "../trpc";

const characterId = z.object({ characterId: z.number().int().positive() });

export const charactersRouter = router({
  mine: permissionProcedure("basic_access").query(({ ctx }) => listMyCharacters(ctx.deps.db, ctx.user.id)),

  remove: permissionProcedure("basic_access")
    .input(characterId)
    .mutation(async ({ ctx, input }) => {
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

  setShared: permissionProcedure("basic_access")
    .input(characterId.extend({ shared: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      try {
        await setShared(ctx.deps.db, ctx.viewer, input.characterId, input.shared);
        return { characterId: input.characterId, shared: input.shared };
      } catch (error) {
        if (error instanceof SharingNotAllowedError) throw new TRPCError({ code: "FORBIDDEN", message: error.message });
        if (error instanceof CharacterNotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: error.message });
        throw error;
      }
    }),
});
