// The audit log keeps MEMBERAUDIT_AUDIT_RETENTION_DAYS of history (default 365): older
// rows go, in bounded batches so a first purge of a long history holds no long lock.
import type { Db } from "~/server/db/client";

export const DEFAULT_AUDIT_RETENTION_DAYS = 365;
const BATCH = 5000;

export async function purgeOldAuditEvents(
  db: Db,
  retentionDays: number,
  now = new Date(),
): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000);
  let deleted = 0;
  for (;;) {
    const batch = await db.auditEvent.findMany({ where: { at: { lt: cutoff } }, select: { id: true }, take: BATCH });
    if (batch.length === 0) return { deleted };
    const gone = await db.auditEvent.deleteMany({ where: { id: { in: batch.map((b) => b.id) } } });
    deleted += gone.count;
  }
}
