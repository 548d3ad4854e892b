import { z } from "zod";
import { listMyCharacters } from "~/server/characters/my-characters";
import { removeCharacter } from "~/server/characters/removal";
import { setShared } from "~/server/sharing/shares";
import { characterIdInput as characterId } from "../sheet-procedure";
import { permissionProcedure, router } from "../trpc";

const member = permissionProcedure("basic_access");

export const charactersRouter = router({
  mine: member.query(({ ctx }) => listMyCharacters(ctx.deps.db, ctx.user.id)),
  remove: member.input(characterId).mutation(async ({ ctx, input }) => {
    const { removed } = await removeCharacter(ctx.deps, ctx.user.id, input.characterId);
    return { removed };
  }),
  setShared: member.input(characterId.extend({ shared: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setShared(ctx.deps.db, ctx.viewer, input.characterId, input.shared);
    return { characterId: input.characterId, shared: input.shared };
  }),
});
