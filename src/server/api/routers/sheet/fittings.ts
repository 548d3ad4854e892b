import { fittingsSheet } from "~/server/sheet/fittings";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const fittingsSheetRouter = router({
  list: sheetProcedure.query(({ ctx }) => fittingsSheet(ctx.deps.db, ctx.character.id)),
});
