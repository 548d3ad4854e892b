import { sheetProcedure } from "~/server/api/sheet-procedure";
import { clonesSheet } from "~/server/sheet/clones";
import { router } from "../../trpc";

export const clonesSheetRouter = router({
  summary: sheetProcedure.query(({ ctx }) => clonesSheet(ctx.deps.db, ctx.character.id)),
});
