// Removal and sharing are SESSION_ONLY (a person decides them at the app) and audited.
import { z } from "zod";
import { recordAudit } from "~/server/audit/record";
import { listMyCharacters } from "~/server/characters/my-characters";
import { removeCharacter } from "~/server/characters/removal";
import { setShared } from "~/server/sharing/shares";
import { characterIdInput as characterId } from "../sheet-procedure";
import { permissionProcedure, router, SESSION_ONLY } from "../trpc";

const member = permissionProcedure("basic_access");

export const charactersRouter = router({
  mine: member.query(({ ctx }) => listMyCharacters(ctx.deps.db, ctx.user.id)),
  remove: member
    .meta(SESSION_ONLY)
    .input(characterId)
    .mutation(async ({ ctx, input }) => {
      const { removed } = await removeCharacter(ctx.deps, ctx.user.id, input.characterId);
      if (removed)
        recordAudit(ctx.deps.db, { ...ctx.actor, action: "character.remove", characterId: input.characterId });
      return { removed };
    }),
  setShared: member
    .meta(SESSION_ONLY)
    .input(characterId.extend({ shared: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setShared(ctx.deps.db, ctx.viewer, input.characterId, input.shared);
      const action = input.shared ? "character.share" : "character.unshare";
      recordAudit(ctx.deps.db, { ...ctx.actor, action, characterId: input.characterId });
      return { characterId: input.characterId, shared: input.shared };
    }),
});
