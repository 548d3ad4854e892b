// Calendar tab: EVE notifications newest first (paged, optionally unread only) and the
// character's calendar events. Notification text is ESI's raw YAML-ish text; pages show
// it as preformatted plain text, never as HTML.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { entityNames } from "./name-lookups";
import { bigintId, decodeCursor, encodeCursor, isoDate, pageInput } from "~/server/paging/cursor";

export const notificationsInput = z.object({ ...pageInput, unreadOnly: z.boolean().default(false) });
export type NotificationsInput = z.input<typeof notificationsInput>;

export interface NotificationRow {
  notificationId: string;
  type: string;
  senderId: number;
  senderName: string;
  senderType: string;
  timestamp: Date;
  isRead: boolean;
  text: string | null;
}

export interface CalendarEventRow {
  eventId: number;
  date: Date;
  title: string;
  importance: number;
  response: string;
  durationMinutes: number | null;
  ownerName: string | null;
  text: string | null;
}

const cursorShape = z.tuple([isoDate, bigintId]);

export async function notificationsPage(
  db: Db,
  characterId: number,
  input: NotificationsInput = {},
): Promise<{ rows: NotificationRow[]; nextCursor: string | null }> {
  const { cursor, limit, unreadOnly } = notificationsInput.parse(input);
  const after = cursor ? decodeCursor(cursor, cursorShape) : null;
  const found = await db.characterNotification.findMany({
    where: {
      characterId,
      ...(unreadOnly ? { isRead: false } : {}),
      ...(after
        ? {
            OR: [
              { timestamp: { lt: new Date(after[0]) } },
              { timestamp: new Date(after[0]), notificationId: { lt: BigInt(after[1]) } },
            ],
          }
        : {}),
    },
    orderBy: [{ timestamp: "desc" }, { notificationId: "desc" }],
    take: limit + 1,
  });
  const page = found.slice(0, limit);
  const senders = await entityNames(
    db,
    page.map((n) => n.senderId),
  );
  const rows = page.map((n) => ({
    notificationId: n.notificationId.toString(),
    type: n.type,
    senderId: n.senderId,
    senderName: senders.get(n.senderId)!,
    senderType: n.senderType,
    timestamp: n.timestamp,
    isRead: n.isRead,
    text: n.text,
  }));
  const last = page.at(-1);
  return {
    rows,
    nextCursor:
      found.length > limit && last
        ? encodeCursor([last.timestamp.toISOString(), last.notificationId.toString()])
        : null,
  };
}

/** Calendar events in date order (ESI only lists upcoming ones; past ones stay as stored). */
export async function calendarEvents(db: Db, characterId: number): Promise<CalendarEventRow[]> {
  const events = await db.characterCalendarEvent.findMany({
    where: { characterId },
    orderBy: [{ date: "asc" }, { eventId: "asc" }],
  });
  return events.map((e) => ({
    eventId: e.eventId,
    date: e.date,
    title: e.title,
    importance: e.importance,
    response: e.response,
    durationMinutes: e.duration,
    ownerName: e.ownerName ?? (e.ownerId === null ? null : `#${e.ownerId}`),
    text: e.text,
  }));
}
