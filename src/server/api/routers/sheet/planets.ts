import { planetsSheet } from "~/server/sheet/planets";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const planetsSheetRouter = router({
  colonies: sheetProcedure.query(({ ctx }) => planetsSheet(ctx.deps.db, ctx.character.id)),
});
