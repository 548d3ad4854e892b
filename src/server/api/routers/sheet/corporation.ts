import { corporationSheet } from "~/server/sheet/corporation";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const corporationSheetRouter = router({
  get: sheetProcedure.query(({ ctx }) => corporationSheet(ctx.deps.db, ctx.character.id)),
});
