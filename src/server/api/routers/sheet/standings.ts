import { standingsSheet } from "~/server/sheet/standings";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const standingsSheetRouter = router({
  get: sheetProcedure.query(({ ctx }) => standingsSheet(ctx.deps.db, ctx.character.id)),
});
