// Mail tab: labels and mailing lists with unread counts, headers newest first (keyset
// paged, filtered by label or mailing list) and one mail with its sanitised body.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { sanitizeMailHtml } from "./mail-html";
import { entityNames } from "./name-lookups";
import { bigintId, decodeCursor, encodeCursor, isoDate, pageInput } from "~/server/paging/cursor";
import { eveId32, int32 } from "~/server/paging/inputs";
import type { Page } from "./wallet";

const recipientsShape = z.array(z.object({ id: z.number(), type: z.string() }));
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export interface MailLabel {
  id: number;
  name: string;
  /** Only a plain #rrggbb colour, safe to put in a style. */
  color: string | null;
  unreadCount: number;
}

export interface MailFolders {
  labels: MailLabel[];
  mailingLists: { id: number; name: string }[];
  unreadTotal: number | null;
}

export async function mailFolders(db: Db, characterId: number): Promise<MailFolders> {
  const [labels, lists, unread] = await Promise.all([
    db.characterMailLabel.findMany({ where: { characterId }, orderBy: { labelId: "asc" } }),
    db.characterMailingList.findMany({ where: { characterId }, orderBy: { name: "asc" } }),
    db.characterMailUnreadCount.findUnique({ where: { characterId } }),
  ]);
  return {
    labels: labels.map((l) => ({
      id: l.labelId,
      name: l.name || `Label ${l.labelId}`,
      color: l.color && HEX_COLOR.test(l.color) ? l.color : null,
      unreadCount: l.unreadCount,
    })),
    mailingLists: lists.map((l) => ({ id: l.mailingListId, name: l.name })),
    unreadTotal: unread?.total ?? null,
  };
}

export const mailListInput = z.object({
  ...pageInput,
  labelId: int32.optional(),
  mailingListId: eveId32.optional(),
});
export type MailListInput = z.input<typeof mailListInput>;

export interface MailHeaderRow {
  mailId: string;
  timestamp: Date;
  subject: string;
  isRead: boolean;
  sender: { id: number; name: string } | null;
  recipients: { id: number; type: string; name: string }[];
  labels: { id: number; name: string; color: string | null }[];
}

type MailRow = Prisma.CharacterMailGetPayload<{ omit: { body: true } }>;

/** Names for a page of headers: entities from the shared table, mailing lists from the character's own list. */
async function describeHeaders(db: Db, characterId: number, rows: MailRow[]): Promise<MailHeaderRow[]> {
  const recipients = rows.map((r) => {
    const parsed = recipientsShape.safeParse(r.recipients);
    return parsed.success ? parsed.data : [];
  });
  const [labels, lists, names] = await Promise.all([
    db.characterMailLabel.findMany({ where: { characterId } }),
    db.characterMailingList.findMany({ where: { characterId } }),
    entityNames(db, [
      ...rows.map((r) => r.senderId),
      ...recipients
        .flat()
        .filter((x) => x.type !== "mailing_list")
        .map((x) => x.id),
    ]),
  ]);
  const listNames = new Map(lists.map((l) => [l.mailingListId, l.name]));
  const labelById = new Map(labels.map((l) => [l.labelId, l]));
  const nameOf = (id: number) => listNames.get(id) ?? names.get(id) ?? `#${id}`;
  return rows.map((r, i) => ({
    mailId: r.mailId.toString(),
    timestamp: r.timestamp,
    subject: r.subject,
    isRead: r.isRead,
    sender: r.senderId === null ? null : { id: r.senderId, name: nameOf(r.senderId) },
    recipients: recipients[i]!.map((x) => ({ id: x.id, type: x.type, name: nameOf(x.id) })),
    labels: r.labelIds.map((id) => {
      const label = labelById.get(id);
      return {
        id,
        name: label?.name || `Label ${id}`,
        color: label?.color && HEX_COLOR.test(label.color) ? label.color : null,
      };
    }),
  }));
}

export async function mailHeaders(db: Db, characterId: number, raw: MailListInput = {}): Promise<Page<MailHeaderRow>> {
  const input = mailListInput.parse(raw);
  const and: Prisma.CharacterMailWhereInput[] = [{ characterId }];
  if (input.labelId !== undefined) and.push({ labelIds: { has: input.labelId } });
  if (input.mailingListId !== undefined)
    and.push({ recipients: { array_contains: [{ id: input.mailingListId, type: "mailing_list" }] } });
  if (input.cursor) {
    const [timestamp, mailId] = decodeCursor(input.cursor, z.tuple([isoDate, bigintId]));
    const at = new Date(timestamp);
    and.push({ OR: [{ timestamp: { lt: at } }, { timestamp: at, mailId: { lt: BigInt(mailId) } }] });
  }
  const rows = await db.characterMail.findMany({
    where: { AND: and },
    omit: { body: true },
    orderBy: [{ timestamp: "desc" }, { mailId: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    rows: await describeHeaders(db, characterId, page),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.timestamp.toISOString(), last.mailId.toString()]) : null,
  };
}

// Optional so the sheet's access matrix can call every procedure with the character alone.
export const mailInput = z.object({ mailId: bigintId.optional() });
export type MailInput = z.input<typeof mailInput>;

export interface MailView extends MailHeaderRow {
  /** Sanitised HTML, safe to render; empty until the body was fetched. */
  bodyHtml: string;
  bodyLoaded: boolean;
}

export async function readMail(db: Db, characterId: number, raw: MailInput = {}): Promise<MailView | null> {
  const { mailId } = mailInput.parse(raw);
  if (!mailId) return null;
  const row = await db.characterMail.findUnique({
    where: { characterId_mailId: { characterId, mailId: BigInt(mailId) } },
  });
  if (!row) return null;
  const { body, ...header } = row;
  const [described] = await describeHeaders(db, characterId, [header]);
  return { ...described!, bodyHtml: sanitizeMailHtml(body), bodyLoaded: body !== null };
}
