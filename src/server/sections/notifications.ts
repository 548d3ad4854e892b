// notifications (beyond Member Audit): the character's recent notifications,
// upserted by notification id (only new ones and changed read state or text cost a
// write) and purged by the retention cutoff on their timestamp.
import type { EsiItem } from "~/server/esi/types";
import { retentionCutoff } from "./retention";
import { defineSection } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Notification = EsiItem<"get", "/characters/{character_id}/notifications">;

export interface NotificationRow {
  notificationId: number;
  type: string;
  senderId: number;
  senderType: string;
  timestamp: string;
  isRead: boolean;
  text: string | null;
}

export interface NotificationsData {
  rows: NotificationRow[];
}

/** Sender types ESI can name through /universe/names. */
const NAMED_SENDERS = new Set(["character", "corporation", "alliance", "faction"]);

function toRow(n: Notification): NotificationRow {
  return {
    notificationId: n.notification_id,
    type: n.type,
    senderId: n.sender_id,
    senderType: n.sender_type,
    timestamp: new Date(n.timestamp).toISOString(),
    isRead: n.is_read ?? false,
    text: n.text ?? null,
  };
}

export const notifications = defineSection<NotificationsData>({
  name: "notifications",
  label: "Notifications",
  routes: ["GET /characters/{character_id}/notifications"],
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/notifications": [
      "notification_id",
      "type",
      "sender_id",
      "sender_type",
      "timestamp",
      "is_read",
      "text",
    ],
  },
  scopes: ["esi-characters.read_notifications.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "accumulate",
  retention: {
    purge: async (db, characterId, cutoff) =>
      (await db.characterNotification.deleteMany({ where: { characterId, timestamp: { lt: cutoff } } })).count,
  },
  extra: true,
  async fetch({ esi, characterId, cache, force, now, settings }) {
    const result = await esi.get("/characters/{character_id}/notifications", {
      path: { character_id: characterId },
      cache,
      force,
    });
    if (result.status === "unchanged") return result;
    const cutoff = retentionCutoff(now, settings.retentionDays);
    const rows = result.data
      .map(toRow)
      .filter((r) => new Date(r.timestamp) >= cutoff)
      .sort((a, b) => a.notificationId - b.notificationId);
    return { status: "ok", data: { rows }, cache: result.cache };
  },
  async persist({ tx, characterId }, { rows }) {
    const stored = new Map(
      (
        await tx.characterNotification.findMany({
          where: { characterId, notificationId: { in: rows.map((r) => BigInt(r.notificationId)) } },
          select: { notificationId: true, isRead: true, text: true },
        })
      ).map((r) => [Number(r.notificationId), r]),
    );
    const created = rows.filter((r) => !stored.has(r.notificationId));
    if (created.length > 0) {
      await insertRows(tx, "CharacterNotification", {
        data: created.map((r) => ({
          ...r,
          characterId,
          notificationId: BigInt(r.notificationId),
          timestamp: new Date(r.timestamp),
        })),
        skipDuplicates: true,
      });
    }
    let written = created.length;
    for (const r of rows) {
      const old = stored.get(r.notificationId);
      if (!old || (old.isRead === r.isRead && old.text === r.text)) continue;
      await tx.characterNotification.update({
        where: { characterId_notificationId: { characterId, notificationId: BigInt(r.notificationId) } },
        data: { isRead: r.isRead, text: r.text },
      });
      written += 1;
    }
    return { written, entityIds: rows.filter((r) => NAMED_SENDERS.has(r.senderType)).map((r) => r.senderId) };
  },
});
