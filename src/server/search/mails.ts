// Mails across characters by subject or by sender name: headers only, the body is never
// searched (nor sent). Newest first with a keyset cursor. Senders are matched by name
// through the shared entity table, then found through the (sender, timestamp) index;
// a subject search goes through the subject's trigram index (docs/search.md, "Mails").
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { invalidInput } from "~/server/errors/app-error";
import { boundedIsoDate, eveId32, int64String, safeText } from "~/server/paging/inputs";
import {
  containsPattern,
  inScope,
  keysetCursor,
  pageFrom,
  type SearchPage,
  scopeJoins,
  searchPageInput,
  sheetPath,
} from "./scope";

/** Senders matched by name, at most: a name fragment matching more is too vague to be a search. */
const MAX_SENDERS = 500;

export const mailSearchInput = z.object({
  subject: safeText(100).optional(),
  sender: safeText(100).optional(),
  ...searchPageInput,
});
export type MailSearchInput = z.input<typeof mailSearchInput>;

export interface MailSearchRow {
  character: { id: number; name: string; corporationName: string | null };
  mailId: string;
  timestamp: Date;
  subject: string;
  sender: { id: number; name: string } | null;
  /** The sheet's mail tab with this mail open. */
  href: string;
}

interface Raw {
  id: number;
  name: string;
  corporationName: string | null;
  mailId: bigint;
  timestamp: Date;
  subject: string;
  senderId: number | null;
  senderName: string | null;
}

export async function searchMails(db: Db, viewer: Viewer, raw: MailSearchInput): Promise<SearchPage<MailSearchRow>> {
  const input = mailSearchInput.parse(raw);
  if (!input.subject && !input.sender) throw invalidInput("subject", "Give a subject or a sender to search for.");
  const cursor = keysetCursor(input, (query) => z.tuple([boundedIsoDate, eveId32, int64String, query]));
  const where: Prisma.Sql[] = [inScope(viewer)];
  if (input.subject) where.push(Prisma.sql`m.subject ILIKE ${containsPattern(input.subject)}`);
  if (input.sender)
    where.push(Prisma.sql`m."senderId" IN (
      SELECT e.id FROM "EveEntity" e WHERE e.name ILIKE ${containsPattern(input.sender)} LIMIT ${MAX_SENDERS})`);
  if (cursor.after) {
    const [at, characterId, mailId] = cursor.after;
    where.push(
      Prisma.sql`(m.timestamp, m."characterId", m."mailId") < (${new Date(at)}, ${characterId}::int, ${BigInt(mailId)}::bigint)`,
    );
  }
  const rows = await db.$queryRaw<Raw[]>`
    SELECT ec.id, ec.name, ec."corporationName", m."mailId", m.timestamp, m.subject, m."senderId", e.name AS "senderName"
    FROM "CharacterMail" m ${scopeJoins(Prisma.sql`m."characterId"`)}
    LEFT JOIN "EveEntity" e ON e.id = m."senderId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY m.timestamp DESC, m."characterId" DESC, m."mailId" DESC
    LIMIT ${input.limit + 1}`;
  return pageFrom(
    rows,
    input.limit,
    (r): MailSearchRow => ({
      character: { id: r.id, name: r.name, corporationName: r.corporationName },
      mailId: r.mailId.toString(),
      timestamp: r.timestamp,
      subject: r.subject,
      sender: r.senderId === null ? null : { id: r.senderId, name: r.senderName ?? `#${r.senderId}` },
      href: sheetPath(r.id, "mail", `?mail=${r.mailId}`),
    }),
    (r) => [r.timestamp.toISOString(), r.id, r.mailId.toString()],
    cursor.next,
    // Counting every match would read every mail in scope; "load more" says whether there is more.
    null,
  );
}
