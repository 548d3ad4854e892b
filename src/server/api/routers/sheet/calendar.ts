import { calendarEvents, notificationsInput, notificationsPage } from "~/server/sheet/calendar";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

export const calendarSheetRouter = router({
  notifications: sheetProcedure
    .input(notificationsInput)
    .query(({ ctx, input }) => notificationsPage(ctx.deps.db, ctx.character.id, input)),
  events: sheetProcedure.query(({ ctx }) => calendarEvents(ctx.deps.db, ctx.character.id)),
});
