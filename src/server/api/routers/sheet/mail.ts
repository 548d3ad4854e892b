import { sheetProcedure } from "~/server/api/sheet-procedure";
import { mailFolders, mailHeaders, mailInput, mailListInput, readMail } from "~/server/sheet/mail";
import { router } from "../../trpc";

export const mailSheetRouter = router({
  folders: sheetProcedure.query(({ ctx }) => mailFolders(ctx.deps.db, ctx.character.id)),
  headers: sheetProcedure
    .input(mailListInput)
    .query(({ ctx, input }) => mailHeaders(ctx.deps.db, ctx.character.id, input)),
  /** One mail with its sanitised body; null for an unknown (or purged) mail. */
  read: sheetProcedure.input(mailInput).query(({ ctx, input }) => readMail(ctx.deps.db, ctx.character.id, input)),
});
