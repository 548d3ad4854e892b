// Notifications are a message box, not an archive: rows older than the retention
// setting (MEMBERAUDIT_NOTIFICATIONS_RETENTION_DAYS) go, read or not.
import type { Db } from "~/server/db/client";

export const DEFAULT_NOTIFICATION_RETENTION_DAYS = 90;

export async function purgeOldNotifications(
  db: Db,
  retentionDays: number,
  now: Date = new Date(),
): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  const deleted = await db.notification.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return { deleted: deleted.count };
}
