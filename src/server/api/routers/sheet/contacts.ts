import { sheetProcedure } from "~/server/api/sheet-procedure";
import { contactsInput, contactsSheet } from "~/server/sheet/contacts";
import { router } from "../../trpc";

export const contactsSheetRouter = router({
  list: sheetProcedure
    .input(contactsInput)
    .query(({ ctx, input }) => contactsSheet(ctx.deps.db, ctx.character.id, input)),
});
