import { NotificationCentre } from "~/components/notifications/notification-centre";
import { appDeps } from "~/runtime/deps";
import { listNotifications, unreadCount } from "~/server/notifications/inbox";
import { requireViewer } from "~/web/viewer";

// Here, not in the client module: a server component importing a value from a "use client" file gets a reference, not the value.
const PAGE_SIZE = 25;

export default async function NotificationsPage() {
  const { user } = await requireViewer();
  const db = appDeps().db;
  const [first, unread] = await Promise.all([
    listNotifications(db, user.id, { limit: PAGE_SIZE }),
    unreadCount(db, user.id),
  ]);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold text-slate-100">Notifications</h1>
      <NotificationCentre first={first} unread={unread} pageSize={PAGE_SIZE} />
    </div>
  );
}
