import { sheetProcedure } from "~/server/api/sheet-procedure";
import {
  contractDetail,
  contractFilterOptions,
  contractInput,
  contractsInput,
  contractsList,
} from "~/server/sheet/contracts";
import { router } from "../../trpc";

export const contractsSheetRouter = router({
  list: sheetProcedure
    .input(contractsInput)
    .query(({ ctx, input }) => contractsList(ctx.deps.db, ctx.character.id, input)),
  filterOptions: sheetProcedure.query(({ ctx }) => contractFilterOptions(ctx.deps.db, ctx.character.id)),
  /** One contract with its items and bids; null for an unknown (or purged) contract. */
  detail: sheetProcedure
    .input(contractInput)
    .query(({ ctx, input }) => contractDetail(ctx.deps.db, ctx.character.id, input)),
});
