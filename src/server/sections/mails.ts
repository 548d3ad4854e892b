// mails: mailing lists, labels with unread counts, the unread total, and headers
// walked newest first (last_mail_id) until the newest stored mail. Bodies are
// fetched once: for new headers and for stored mails still without one. A 404 on
// a body means the mail was deleted in game, so its header goes too. Mails older
// than the retention cutoff are neither stored nor kept.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import { EsiError, type EsiClient } from "~/server/esi/client";
import type { EsiItem, EsiSuccessBody } from "~/server/esi/types";
import { retentionCutoff } from "./retention";
import { defineSection } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Header = EsiItem<"get", "/characters/{character_id}/mail">;
type MailingList = EsiItem<"get", "/characters/{character_id}/mail/lists">;
type Labels = EsiSuccessBody<"get", "/characters/{character_id}/mail/labels">;

export interface MailRecipient {
  id: number;
  type: "alliance" | "character" | "corporation" | "mailing_list";
}

export interface MailHeader {
  mailId: number;
  senderId: number | null;
  recipients: MailRecipient[];
  labelIds: number[];
  subject: string;
  isRead: boolean;
  timestamp: string;
}

/** lists / labels null: ESI answered unchanged for that route, the stored rows stand. */
export interface MailsData {
  lists: MailingList[] | null;
  labels: { labels: NonNullable<Labels["labels"]>; totalUnread: number } | null;
  headers: MailHeader[];
  bodies: { mailId: number; body: string }[];
  /** Mails whose body answered 404: deleted in game. */
  gone: number[];
}

/** Member Audit's MEMBERAUDIT_MAX_MAILS: at most 250 headers (5 pages of 50) per run. */
const MAX_HEADER_PAGES = 5;
const BODY_CONCURRENCY = 8;
const LISTS = "GET /characters/{character_id}/mail/lists";
const LABELS = "GET /characters/{character_id}/mail/labels";

function toHeader(h: Header): MailHeader | undefined {
  if (h.mail_id === undefined || h.timestamp === undefined) return undefined;
  return {
    mailId: h.mail_id,
    senderId: h.from ?? null,
    recipients: (h.recipients ?? []).map((r) => ({ id: r.recipient_id, type: r.recipient_type })),
    labelIds: [...(h.labels ?? [])].sort((a, b) => a - b),
    subject: h.subject ?? "",
    isRead: h.is_read ?? false,
    timestamp: new Date(h.timestamp).toISOString(),
  };
}

/** Bodies in small parallel batches; 404s are collected, every other error fails the run. */
async function fetchBodies(
  esi: EsiClient,
  characterId: number,
  mailIds: number[],
): Promise<Pick<MailsData, "bodies" | "gone">> {
  const bodies: MailsData["bodies"] = [];
  const gone: number[] = [];
  for (let i = 0; i < mailIds.length; i += BODY_CONCURRENCY) {
    await Promise.all(
      mailIds.slice(i, i + BODY_CONCURRENCY).map(async (mailId) => {
        try {
          const mail = await esi.getData("/characters/{character_id}/mail/{mail_id}", {
            path: { character_id: characterId, mail_id: mailId },
          });
          bodies.push({ mailId, body: mail.body ?? "" });
        } catch (error) {
          if (error instanceof EsiError && error.status === 404) gone.push(mailId);
          else throw error;
        }
      }),
    );
  }
  const byId = (a: { mailId: number }, b: { mailId: number }) => a.mailId - b.mailId;
  return { bodies: bodies.sort(byId), gone: gone.sort((a, b) => a - b) };
}

async function mailsNeedingBodies(db: Db, characterId: number, headers: MailHeader[], cutoff: Date): Promise<number[]> {
  const ids = headers.map((h) => BigInt(h.mailId));
  const known = await db.characterMail.findMany({
    where: { characterId, mailId: { in: ids } },
    select: { mailId: true },
  });
  const knownIds = new Set(known.map((m) => Number(m.mailId)));
  const missing = await db.characterMail.findMany({
    where: { characterId, body: null, timestamp: { gte: cutoff } },
    select: { mailId: true },
  });
  return [
    ...new Set([
      ...headers.filter((h) => !knownIds.has(h.mailId)).map((h) => h.mailId),
      ...missing.map((m) => Number(m.mailId)),
    ]),
  ];
}

export const mails = defineSection<MailsData>({
  name: "mails",
  label: "Mails",
  routes: [
    "GET /characters/{character_id}/mail/lists",
    "GET /characters/{character_id}/mail/labels",
    "GET /characters/{character_id}/mail",
    "GET /characters/{character_id}/mail/{mail_id}",
  ],
  scopes: ["esi-mail.read_mail.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "diff",
  retention: {
    purge: async (db, characterId, cutoff) =>
      (await db.characterMail.deleteMany({ where: { characterId, timestamp: { lt: cutoff } } })).count,
  },
  // Lists and labels keep their own ETags (ctx.routes), headers the section's; bodies
  // are fetched once. A route answering unchanged leaves its part of the data null.
  async fetch({ esi, db, characterId, now, settings, cache, routes, force }) {
    const path = { character_id: characterId };
    const cutoff = retentionCutoff(now, settings.retentionDays);
    const lists = await esi.get("/characters/{character_id}/mail/lists", {
      path,
      cache: await routes.get(LISTS),
      force,
    });
    const labels = await esi.get("/characters/{character_id}/mail/labels", {
      path,
      cache: await routes.get(LABELS),
      force,
    });
    const newest = await db.characterMail.findFirst({
      where: { characterId },
      orderBy: { mailId: "desc" },
      select: { mailId: true },
    });
    const walked = await esi.getByCursor("/characters/{character_id}/mail", {
      path,
      cache,
      force,
      maxPages: MAX_HEADER_PAGES,
      ...(newest ? { stopAtId: Number(newest.mailId) } : {}),
    });
    const headers =
      walked.status === "ok"
        ? walked.data
            .map(toHeader)
            .filter((h): h is MailHeader => h !== undefined && new Date(h.timestamp) >= cutoff)
            .sort((a, b) => b.mailId - a.mailId)
        : [];
    const needBodies = await mailsNeedingBodies(db, characterId, headers, cutoff);
    if (
      lists.status === "unchanged" &&
      labels.status === "unchanged" &&
      walked.status === "unchanged" &&
      needBodies.length === 0
    )
      return walked;
    routes.set(LISTS, lists.cache);
    routes.set(LABELS, labels.cache);
    const { bodies, gone } = await fetchBodies(esi, characterId, needBodies);
    const goneIds = new Set(gone);
    return {
      status: "ok",
      data: {
        lists: lists.status === "ok" ? [...lists.data].sort((a, b) => a.mailing_list_id - b.mailing_list_id) : null,
        labels:
          labels.status === "ok"
            ? {
                labels: [...(labels.data.labels ?? [])].sort((a, b) => (a.label_id ?? 0) - (b.label_id ?? 0)),
                totalUnread: labels.data.total_unread_count ?? 0,
              }
            : null,
        headers: headers.filter((h) => !goneIds.has(h.mailId)),
        bodies,
        gone,
      },
      cache: walked.cache,
    };
  },
  async persist({ tx, characterId }, data) {
    let written = data.lists ? await persistLists(tx, characterId, data.lists) : 0;
    written += data.labels ? await persistLabels(tx, characterId, data.labels) : 0;
    written += await persistHeaders(tx, characterId, data.headers);
    for (const { mailId, body } of data.bodies) {
      const updated = await tx.characterMail.updateMany({
        where: { characterId, mailId: BigInt(mailId), body: null },
        data: { body },
      });
      written += updated.count;
    }
    if (data.gone.length > 0) {
      written += (await tx.characterMail.deleteMany({ where: { characterId, mailId: { in: data.gone.map(BigInt) } } }))
        .count;
    }
    // Mailing lists cannot be resolved through ESI: their names come from /mail/lists only.
    const entityIds = data.headers.flatMap((h) => [
      ...(h.senderId !== null ? [h.senderId] : []),
      ...h.recipients.filter((r) => r.type !== "mailing_list").map((r) => r.id),
    ]);
    return { written, entityIds };
  },
});

/** Lists are added or renamed, never deleted: old mails still reference them. */
async function persistLists(tx: Prisma.TransactionClient, characterId: number, lists: MailingList[]): Promise<number> {
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

async function persistLabels(
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
async function persistHeaders(
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
