// The administrators' character list and its actions (docs/admin-characters.md): every
// procedure needs the "characters" area (manage_characters; superusers hold it). Tokens may
// read the list; its actions are SESSION_ONLY, and deletions are audited.
import { z } from "zod";
import { recordAudit } from "~/server/audit/record";
import {
  characterIdsInput,
  deleteCharacters,
  resetTokenNotification,
  setEnabled,
  updateNow,
} from "~/server/admin-characters/actions";
import { adminCharacterFilterOptions, adminCharactersInput, listAdminCharacters } from "~/server/admin-characters/list";
import { adminCharacterSections } from "~/server/admin-characters/sections";
import { eveId32 } from "~/server/paging/inputs";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { areaProcedure, router, SESSION_ONLY } from "../trpc";

const manage = areaProcedure("characters");
const act = manage.meta(SESSION_ONLY);

export const adminCharactersRouter = router({
  list: manage
    .input(adminCharactersInput)
    .query(({ ctx, input }) => listAdminCharacters(ctx.deps.db, ctx.deps.engine ?? DEFAULT_ENGINE_SETTINGS, input)),
  filterOptions: manage.query(({ ctx }) => adminCharacterFilterOptions(ctx.deps.db)),
  sections: manage
    .input(z.object({ characterId: eveId32 }))
    .query(({ ctx, input }) =>
      adminCharacterSections(ctx.deps.db, ctx.deps.engine ?? DEFAULT_ENGINE_SETTINGS, input.characterId),
    ),
  updateNow: act
    .input(characterIdsInput)
    .mutation(({ ctx, input }) => updateNow(ctx.deps, ctx.deps.engine ?? DEFAULT_ENGINE_SETTINGS, input.characterIds)),
  enable: act.input(characterIdsInput).mutation(({ ctx, input }) => setEnabled(ctx.deps.db, input.characterIds, true)),
  disable: act
    .input(characterIdsInput)
    .mutation(({ ctx, input }) => setEnabled(ctx.deps.db, input.characterIds, false)),
  resetTokenNotification: act
    .input(characterIdsInput)
    .mutation(({ ctx, input }) => resetTokenNotification(ctx.deps.db, input.characterIds)),
  delete: act.input(characterIdsInput).mutation(async ({ ctx, input }) => {
    const result = await deleteCharacters(ctx.deps, input.characterIds);
    for (const characterId of input.characterIds)
      recordAudit(ctx.deps.db, { ...ctx.actor, action: "characters.delete", characterId });
    return result;
  }),
});
