// Writing notifications: one row per recipient. Producers call this inside their own
// transaction where the event and its notice must stand or fall together (a removal, a
// dead token claimed once), so it takes a transaction client as well as the client.
// It is also the one way into the webhooks: where an admin set a URL for the notice's
// event, a delivery row is written in the same transaction for the deliver-webhook job.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import type { WebhookEvent } from "./webhook-events";

/** Member Audit's levels (its Alliance Auth notifications), which the page colours. */
export const NOTIFICATION_LEVELS = ["info", "success", "warning", "danger"] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];

export interface Notice {
  /** Which event this tells of: the webhook it is posted to (./webhook-events.ts). */
  event: WebhookEvent;
  level: NotificationLevel;
  title: string;
  message: string;
  /**
   * Names the event for producers that may see it twice (a recomputation, a replayed
   * step): a user gets one notification per key, ever. Leave it out for events that may
   * rightly happen again with the same facts.
   */
  dedupeKey?: string;
}

// Titles and messages are built by producers from names ESI gave us: bounded here so a
// long name cannot grow a row without limit.
const TITLE_MAX = 200;
const MESSAGE_MAX = 2000;

type Client = Db | Prisma.TransactionClient;

/**
 * Notifies each user once (duplicates in `userIds` and repeated dedupe keys are dropped) and
 * queues the event's webhook, if one is set; returns how many notification rows were written.
 */
export async function notify(db: Client, userIds: readonly string[], notice: Notice, now: Date = new Date()) {
  await queueWebhook(db, notice, now);
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return 0;
  const written = await db.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      level: notice.level,
      title: notice.title.slice(0, TITLE_MAX),
      message: notice.message.slice(0, MESSAGE_MAX),
      dedupeKey: notice.dedupeKey ?? null,
      createdAt: now,
    })),
    // The unique (userId, dedupeKey) index turns a repeated key into no row; NULL keys never collide.
    skipDuplicates: true,
  });
  return written.count;
}

/**
 * The channel hears of the event even when no user is told in the app (a removal nobody else
 * may see): the webhook is the admin's, per event type. One delivery per (event, dedupe key).
 */
async function queueWebhook(db: Client, notice: Notice, now: Date): Promise<void> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { eventType: notice.event }, select: { kind: true } });
  if (!endpoint) return;
  await db.webhookDelivery.createMany({
    data: [
      {
        eventType: notice.event,
        level: notice.level,
        title: notice.title.slice(0, TITLE_MAX),
        message: notice.message.slice(0, MESSAGE_MAX),
        dedupeKey: notice.dedupeKey ?? null,
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
}
