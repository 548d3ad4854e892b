// How the mails section writes: mailing lists, labels with the unread total, and
// headers, each touching only the rows that changed.
import type { Prisma } from "@prisma/client";
import { insertRows } from "~/server/db/insert-rows";
import type { MailHeader, MailingList, MailsData } from "./mails-fetch";

/** Lists are added or renamed, never deleted: old mails still reference them. */
export async function persistLists(
  tx: Prisma.TransactionClient,
  characterId: number,
  lists: MailingList[],
): Promise<number> {
  const stored = new Map(
    (await tx.characterMailingList.findMany({ where: { characterId } })).map((l) => [l.mailingListId, l.name]),
  );
  let written = 0;
  for (const list of lists) {
    const name = stored.get(list.mailing_list_id);
    if (name === list.name) continue;
    await tx.characterMailingList.upsert({
      where: { characterId_mailingListId: { characterId, mailingListId: list.mailing_list_id } },
      create: { characterId, mailingListId: list.mailing_list_id, name: list.name },
      update: { name: list.name },
    });
    written += 1;
  }
  return written;
}

export async function persistLabels(
  tx: Prisma.TransactionClient,
  characterId: number,
  data: NonNullable<MailsData["labels"]>,
): Promise<number> {
  const stored = new Map((await tx.characterMailLabel.findMany({ where: { characterId } })).map((l) => [l.labelId, l]));
  const seen = new Set<number>();
  let written = 0;
  for (const label of data.labels) {
    if (label.label_id === undefined || seen.has(label.label_id)) continue;
    seen.add(label.label_id);
    const row = { name: label.name ?? "", color: label.color ?? null, unreadCount: label.unread_count ?? 0 };
    const old = stored.get(label.label_id);
    if (old && old.name === row.name && old.color === row.color && old.unreadCount === row.unreadCount) continue;
    await tx.characterMailLabel.upsert({
      where: { characterId_labelId: { characterId, labelId: label.label_id } },
      create: { characterId, labelId: label.label_id, ...row },
      update: row,
    });
    written += 1;
  }
  const obsolete = [...stored.keys()].filter((id) => !seen.has(id));
  if (obsolete.length > 0)
    written += (await tx.characterMailLabel.deleteMany({ where: { characterId, labelId: { in: obsolete } } })).count;

  const unread = await tx.characterMailUnreadCount.findUnique({ where: { characterId } });
  if (unread?.total !== data.totalUnread) {
    await tx.characterMailUnreadCount.upsert({
      where: { characterId },
      create: { characterId, total: data.totalUnread },
      update: { total: data.totalUnread },
    });
    written += 1;
  }
  return written;
}

/** New headers are created; of stored ones only read state and labels can change. */
export async function persistHeaders(
  tx: Prisma.TransactionClient,
  characterId: number,
  headers: MailHeader[],
): Promise<number> {
  const stored = new Map(
    (
      await tx.characterMail.findMany({
        where: { characterId, mailId: { in: headers.map((h) => BigInt(h.mailId)) } },
        select: { mailId: true, isRead: true, labelIds: true },
      })
    ).map((m) => [Number(m.mailId), m]),
  );
  const created = headers.filter((h) => !stored.has(h.mailId));
  if (created.length > 0) {
    await insertRows(tx, "CharacterMail", {
      data: created.map((h) => ({
        characterId,
        mailId: BigInt(h.mailId),
        senderId: h.senderId,
        recipients: h.recipients as unknown as Prisma.InputJsonValue,
        labelIds: h.labelIds,
        subject: h.subject,
        isRead: h.isRead,
        timestamp: new Date(h.timestamp),
      })),
      skipDuplicates: true,
    });
  }
  let written = created.length;
  for (const h of headers) {
    const old = stored.get(h.mailId);
    if (!old || (old.isRead === h.isRead && old.labelIds.join(",") === h.labelIds.join(","))) continue;
    await tx.characterMail.update({
      where: { characterId_mailId: { characterId, mailId: BigInt(h.mailId) } },
      data: { isRead: h.isRead, labelIds: h.labelIds },
    });
    written += 1;
  }
  return written;
}
