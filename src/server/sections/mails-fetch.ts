// What the mails section fetches: its data, ESI's headers in our shape, which
// mails still need a body, and the bodies in small parallel batches.
import type { Db } from "~/server/db/client";
import { EsiError, type EsiClient } from "~/server/esi/client";
import type { EsiItem, EsiSuccessBody } from "~/server/esi/types";
import type { FetchContext } from "./types";

type Header = EsiItem<"get", "/characters/{character_id}/mail">;
export type MailingList = EsiItem<"get", "/characters/{character_id}/mail/lists">;
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

const BODY_CONCURRENCY = 8;

export function toHeader(h: Header): MailHeader | undefined {
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

/**
 * Bodies in small parallel batches; 404s are collected. Each body is a part: one that
 * fails is left out (its mail keeps no body and is asked again next run).
 */
export async function fetchBodies(
  esi: EsiClient,
  characterId: number,
  mailIds: number[],
  part: FetchContext["part"],
): Promise<Pick<MailsData, "bodies" | "gone">> {
  const bodies: MailsData["bodies"] = [];
  const gone: number[] = [];
  for (let i = 0; i < mailIds.length; i += BODY_CONCURRENCY) {
    await Promise.all(
      mailIds.slice(i, i + BODY_CONCURRENCY).map((mailId) =>
        part(`body of mail ${mailId}`, async () => {
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
      ),
    );
  }
  const byId = (a: { mailId: number }, b: { mailId: number }) => a.mailId - b.mailId;
  return { bodies: bodies.sort(byId), gone: gone.sort((a, b) => a - b) };
}

export async function mailsNeedingBodies(
  db: Db,
  characterId: number,
  headers: MailHeader[],
  cutoff: Date,
): Promise<number[]> {
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
