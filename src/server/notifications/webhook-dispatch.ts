// From the rows notify() wrote to the deliver-webhook jobs. notify() runs inside its
// producers' transactions and holds no job sender, so it only writes the row; this
// claim, run every minute by the dispatch-webhooks job, marks a batch queued and hands
// it back for the job to send, one event per delivery (the event id dedupes a resend).
import { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";

const BATCH = 500;

export async function claimUnqueuedDeliveries(
  db: Db,
  now: Date = new Date(),
  limit = BATCH,
): Promise<{ id: string; eventType: string }[]> {
  return db.$queryRaw<{ id: string; eventType: string }[]>(Prisma.sql`
    UPDATE "WebhookDelivery" SET "queuedAt" = ${now}
    WHERE id IN (
      SELECT id FROM "WebhookDelivery"
      WHERE status = 'pending' AND "queuedAt" IS NULL
      ORDER BY "createdAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "eventType"`);
}

/** Deliveries kept as long as notifications (MEMBERAUDIT_NOTIFICATIONS_RETENTION_DAYS). */
export async function purgeOldDeliveries(db: Db, retentionDays: number, now: Date = new Date()) {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  const deleted = await db.webhookDelivery.deleteMany({
    where: { createdAt: { lt: cutoff }, status: { not: "pending" } },
  });
  return { deleted: deleted.count };
}
