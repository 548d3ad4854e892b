// The rung of the procedure ladder for character sheets: basic_access, then the
// character through the one access filter. A character the viewer may not open is
// NOT_FOUND, exactly like a missing one, so existence does not leak. A character the
// viewer does not own is a view for the audit log, recorded here once for every sheet
// procedure (buffered: the call does not wait for it).
import { z } from "zod";
import { recordAudit } from "~/server/audit/record";
import { notFound } from "~/server/errors/app-error";
import { eveId32 } from "~/server/paging/inputs";
import { findViewableCharacter } from "~/server/sheet/viewable-character";
import { permissionProcedure } from "./trpc";

export const characterIdInput = z.object({ characterId: eveId32 });

/**
 * Every sheet procedure starts here. Extra inputs are added with `.input(...)` and must
 * all be optional (with defaults): the authorization matrix test calls every sheet
 * procedure with `{ characterId }` alone.
 */
export const sheetProcedure = permissionProcedure("basic_access")
  .input(characterIdInput)
  .use(async ({ ctx, input, next, path }) => {
    const character = await findViewableCharacter(ctx.deps.db, ctx.viewer, input.characterId);
    if (!character) throw notFound(`Character ${input.characterId}`);
    if (character.eveCharacter.ownership?.userId !== ctx.viewer.userId)
      recordAudit(ctx.deps.db, { ...ctx.actor, action: "character.view", characterId: character.id, detail: path });
    return next({ ctx: { ...ctx, character } });
  });
