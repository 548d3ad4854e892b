import { miningFilterOptions, miningInput, miningLedgerPage, miningMonthlyTotals } from "~/server/sheet/mining";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const miningSheetRouter = router({
  ledger: sheetProcedure
    .input(miningInput)
    .query(({ ctx, input }) => miningLedgerPage(ctx.deps.db, ctx.character.id, input)),
  monthly: sheetProcedure.query(({ ctx }) => miningMonthlyTotals(ctx.deps.db, ctx.character.id)),
  filterOptions: sheetProcedure.query(({ ctx }) => miningFilterOptions(ctx.deps.db, ctx.character.id)),
});
