import { industrySheet } from "~/server/sheet/industry";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const industrySheetRouter = router({
  get: sheetProcedure.query(({ ctx }) => industrySheet(ctx.deps.db, ctx.character.id)),
});
