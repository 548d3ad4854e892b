import { killmailsInput, killmailsPage } from "~/server/sheet/killmails";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const killmailsSheetRouter = router({
  list: sheetProcedure
    .input(killmailsInput)
    .query(({ ctx, input }) => killmailsPage(ctx.deps.db, ctx.character.id, input)),
});
