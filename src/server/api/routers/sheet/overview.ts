import { readOverview, siblingCharacters } from "~/server/sheet/overview";
import { characterStatus } from "~/server/updates/character-status";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const overviewSheetRouter = router({
  get: sheetProcedure.query(async ({ ctx }) => {
    const { db } = ctx.deps;
    const [overview, status] = await Promise.all([
      readOverview(db, ctx.character.id),
      characterStatus(db, ctx.character.id, ctx.deps.engine ?? DEFAULT_ENGINE_SETTINGS),
    ]);
    return { character: { id: ctx.character.id, name: ctx.character.eveCharacter.name }, overview, status };
  }),
  siblings: sheetProcedure.query(({ ctx }) =>
    siblingCharacters(ctx.deps.db, ctx.viewer, ctx.character.eveCharacter.ownership?.userId ?? null),
  ),
});
