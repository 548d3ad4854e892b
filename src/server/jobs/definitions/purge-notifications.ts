import type { Db } from "~/server/db/client";
import { DEFAULT_NOTIFICATION_RETENTION_DAYS, purgeOldNotifications } from "~/server/notifications/retention";
import { defineJob } from "../job";

/** Once a day: notifications older than the retention setting go. */
export const purgeNotificationsJob = (deps: () => { db: Db }, settings: { notificationRetentionDays?: number }) =>
  defineJob({
    id: "purge-notifications",
    trigger: { cron: "23 3 * * *" },
    retries: 2,
    handler: ({ step }) =>
      step.run("purge", () =>
        purgeOldNotifications(deps().db, settings.notificationRetentionDays ?? DEFAULT_NOTIFICATION_RETENTION_DAYS),
      ),
  });
