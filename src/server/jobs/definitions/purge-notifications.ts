import type { Db } from "~/server/db/client";
import { DEFAULT_NOTIFICATION_RETENTION_DAYS, purgeOldNotifications } from "~/server/notifications/retention";
import { purgeOldDeliveries } from "~/server/notifications/webhook-dispatch";
import { defineJob } from "../job";

/** Once a day: notifications and finished webhook deliveries older than the retention setting go. */
export const purgeNotificationsJob = (deps: () => { db: Db }, settings: { notificationRetentionDays?: number }) =>
  defineJob({
    id: "purge-notifications",
    trigger: { cron: "23 3 * * *" },
    retries: 2,
    handler: async ({ step }) => {
      const days = settings.notificationRetentionDays ?? DEFAULT_NOTIFICATION_RETENTION_DAYS;
      const notifications = await step.run("purge", () => purgeOldNotifications(deps().db, days));
      await step.run("purge-webhook-deliveries", () => purgeOldDeliveries(deps().db, days));
      return notifications;
    },
  });
