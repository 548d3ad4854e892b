// The signed-in user's own notifications: every procedure reads and writes rows of
// ctx.user only (the domain takes the user id, never one from the input).
import {
  listNotifications,
  markAllRead,
  markRead,
  notificationIdsInput,
  notificationListInput,
  unreadCount,
} from "~/server/notifications/inbox";
import { router, signedInProcedure } from "../trpc";

export const notificationsRouter = router({
  list: signedInProcedure
    .input(notificationListInput)
    .query(({ ctx, input }) => listNotifications(ctx.deps.db, ctx.user.id, input)),
  unreadCount: signedInProcedure.query(async ({ ctx }) => ({ unread: await unreadCount(ctx.deps.db, ctx.user.id) })),
  markRead: signedInProcedure
    .input(notificationIdsInput)
    .mutation(async ({ ctx, input }) => ({ marked: await markRead(ctx.deps.db, ctx.user.id, input.ids) })),
  markAllRead: signedInProcedure.mutation(async ({ ctx }) => ({ marked: await markAllRead(ctx.deps.db, ctx.user.id) })),
});
