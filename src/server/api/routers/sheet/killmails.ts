import { killmailsInput, killmailsPage } from "~/server/sheet/killmails";
import { withCursor } from "~/server/paging/cursor";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const killmailsSheetRouter = router({
  list: sheetProcedure
    .input(killmailsInput)
    .query(({ ctx, input }) => withCursor(() => killmailsPage(ctx.deps.db, ctx.character.id, input))),
});
