// A user's own notifications: the list (paged by cursor, unread first or newest first,
// optionally unread only), the unread count the header's bell shows, and marking read.
// Every function takes the user's id and touches that user's rows only; an id that is
// not the user's is NOT_FOUND, exactly like one that does not exist.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { notFound } from "~/server/errors/app-error";
import { decodeCursor, encodeCursor, invalidCursor, isoDate, pageInput } from "~/server/paging/cursor";
import { safeText } from "~/server/paging/inputs";

export const NOTIFICATION_ORDERS = ["unreadFirst", "newest"] as const;

export const notificationListInput = z.object({
  ...pageInput,
  unreadOnly: z.boolean().default(false),
  order: z.enum(NOTIFICATION_ORDERS).default("unreadFirst"),
});
export type NotificationListInput = z.input<typeof notificationListInput>;

/** Ids as the list hands them out (cuid); at most one page's worth per call. */
export const notificationIdsInput = z.object({ ids: z.array(safeText(64)).min(1).max(200) });

export interface NotificationRow {
  id: string;
  level: string;
  title: string;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

// [order, row is unread, createdAt, id]: the order is part of the cursor so a cursor from one order is refused by the other.
const cursorShape = z.tuple([z.enum(NOTIFICATION_ORDERS), z.boolean(), isoDate, z.string().min(1).max(64)]);

type Position = { createdAt: Date; id: string } | null;

const SELECT = { id: true, level: true, title: true, message: true, createdAt: true, readAt: true } as const;

function newestAfter(db: Db, where: { userId: string; readAt?: null | { not: null } }, after: Position, take: number) {
  return db.notification.findMany({
    where: {
      ...where,
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: SELECT,
  });
}

export async function listNotifications(
  db: Db,
  userId: string,
  input: NotificationListInput = {},
): Promise<{ rows: NotificationRow[]; nextCursor: string | null }> {
  const { cursor, limit, unreadOnly, order } = notificationListInput.parse(input);
  const decoded = cursor ? decodeCursor(cursor, cursorShape) : null;
  if (decoded && decoded[0] !== order) throw invalidCursor();
  const after: Position = decoded ? { createdAt: new Date(decoded[2]), id: decoded[3] } : null;
  let found: NotificationRow[];
  if (unreadOnly || order === "newest") {
    found = await newestAfter(db, { userId, ...(unreadOnly ? { readAt: null } : {}) }, after, limit + 1);
  } else {
    // Unread first: the unread rows newest first, then the read ones newest first. Two keyset
    // queries on (userId, readAt) and (userId, createdAt) rather than one sort on "is unread".
    const inRead = decoded !== null && !decoded[1];
    found = inRead ? [] : await newestAfter(db, { userId, readAt: null }, after, limit + 1);
    if (found.length <= limit) {
      const read = await newestAfter(
        db,
        { userId, readAt: { not: null } },
        inRead ? after : null,
        limit + 1 - found.length,
      );
      found = [...found, ...read];
    }
  }
  const rows = found.slice(0, limit);
  const last = rows.at(-1);
  return {
    rows,
    nextCursor:
      found.length > limit && last
        ? encodeCursor([order, last.readAt === null, last.createdAt.toISOString(), last.id])
        : null,
  };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks the user's notifications read; refuses the whole call (NOT_FOUND) if any id is not theirs. */
export async function markRead(db: Db, userId: string, ids: readonly string[], now = new Date()): Promise<number> {
  const wanted = [...new Set(ids)];
  return db.$transaction(async (tx) => {
    const own = await tx.notification.count({ where: { userId, id: { in: wanted } } });
    if (own !== wanted.length) throw notFound("Notification");
    const marked = await tx.notification.updateMany({
      where: { userId, id: { in: wanted }, readAt: null },
      data: { readAt: now },
    });
    return marked.count;
  });
}

export async function markAllRead(db: Db, userId: string, now = new Date()): Promise<number> {
  const marked = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return marked.count;
}
