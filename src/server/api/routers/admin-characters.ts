// The administrators' character list and its actions (docs/admin-characters.md): every
// procedure needs the "characters" area (manage_characters; superusers hold it).
import { z } from "zod";
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
import { areaProcedure, router } from "../trpc";

const manage = areaProcedure("characters");

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
  updateNow: manage
    .input(characterIdsInput)
    .mutation(({ ctx, input }) => updateNow(ctx.deps, ctx.deps.engine ?? DEFAULT_ENGINE_SETTINGS, input.characterIds)),
  enable: manage
    .input(characterIdsInput)
    .mutation(({ ctx, input }) => setEnabled(ctx.deps.db, input.characterIds, true)),
  disable: manage
    .input(characterIdsInput)
    .mutation(({ ctx, input }) => setEnabled(ctx.deps.db, input.characterIds, false)),
  resetTokenNotification: manage
    .input(characterIdsInput)
    .mutation(({ ctx, input }) => resetTokenNotification(ctx.deps.db, input.characterIds)),
  delete: manage.input(characterIdsInput).mutation(({ ctx, input }) => deleteCharacters(ctx.deps, input.characterIds)),
});
