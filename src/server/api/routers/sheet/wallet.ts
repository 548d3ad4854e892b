import { sheetProcedure } from "~/server/api/sheet-procedure";
import {
  balanceChartInput,
  journalInput,
  journalRefTypes,
  transactionsInput,
  walletBalance,
  walletBalanceChart,
  walletJournal,
  walletTransactions,
} from "~/server/sheet/wallet";
import { router } from "../../trpc";

export const walletSheetRouter = router({
  balance: sheetProcedure.query(({ ctx }) => walletBalance(ctx.deps.db, ctx.character.id)),
  refTypes: sheetProcedure.query(({ ctx }) => journalRefTypes(ctx.deps.db, ctx.character.id)),
  journal: sheetProcedure
    .input(journalInput)
    .query(({ ctx, input }) => walletJournal(ctx.deps.db, ctx.character.id, input)),
  transactions: sheetProcedure
    .input(transactionsInput)
    .query(({ ctx, input }) => walletTransactions(ctx.deps.db, ctx.character.id, input)),
  balanceChart: sheetProcedure
    .input(balanceChartInput)
    .query(({ ctx, input }) => walletBalanceChart(ctx.deps.db, ctx.character.id, input)),
});
