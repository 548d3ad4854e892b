// Mails across characters by subject or by sender name: headers only, the body is never
// searched (nor sent). Newest first with a keyset cursor. Senders are matched by name
// through the shared entity table, then found through the (sender, timestamp) index;
// a subject search goes through the subject's trigram index, or newest first through
// (timestamp, characterId, mailId) when the word is common (docs/search.md, "Mails").
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
/** Newest matches read before the scope is checked, per row of the page (the first round). */
const CANDIDATES_PER_ROW = 10;

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
  /** Candidates the first round read (the first round's rows only). */
  candidates?: number;
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
  const matches: Prisma.Sql[] = [];
  if (input.subject) matches.push(Prisma.sql`m.subject ILIKE ${containsPattern(input.subject)}`);
  if (input.sender)
    matches.push(Prisma.sql`m."senderId" IN (
      SELECT e.id FROM "EveEntity" e WHERE e.name ILIKE ${containsPattern(input.sender)} LIMIT ${MAX_SENDERS})`);
  if (cursor.after) {
    const [at, characterId, mailId] = cursor.after;
    matches.push(
      Prisma.sql`(m.timestamp, m."characterId", m."mailId") < (${new Date(at)}, ${characterId}::int, ${BigInt(mailId)}::bigint)`,
    );
  }
  const matching = Prisma.join(matches, " AND ");
  const newestFirst = Prisma.sql`m.timestamp DESC, m."characterId" DESC, m."mailId" DESC`;
  const columns = Prisma.sql`ec.id, ec.name, ec."corporationName", m."mailId", m.timestamp, m.subject, m."senderId", e.name AS "senderName"`;
  // First round: the newest matches of the text alone (the planner picks the trigram index
  // for a rare word, the newest-first index for a common one), then the scope on those
  // few. Checked first, a leader's scope (thousands of characters, estimated at a few
  // hundred) made the planner read every mail in scope. The page is right when it filled
  // up (every match left out is older) or when the candidates were all the matches.
  const candidates = (input.limit + 1) * CANDIDATES_PER_ROW;
  const first = await db.$queryRaw<Raw[]>`
    WITH found AS MATERIALIZED (
      SELECT m."characterId", m."mailId", m.timestamp, m.subject, m."senderId"
      FROM "CharacterMail" m WHERE ${matching}
      ORDER BY ${newestFirst} LIMIT ${candidates}
    )
    SELECT n.candidates, p.* FROM (SELECT count(*)::int AS candidates FROM found) n
    LEFT JOIN LATERAL (
      SELECT ${columns}
      FROM found m ${scopeJoins(Prisma.sql`m."characterId"`)}
      LEFT JOIN "EveEntity" e ON e.id = m."senderId"
      WHERE ${inScope(viewer)}
      ORDER BY ${newestFirst}
      LIMIT ${input.limit + 1}
    ) p ON TRUE
    ORDER BY p.timestamp DESC, p.id DESC, p."mailId" DESC`;
  const firstRows = first.filter((r) => r.id !== null);
  // Else most candidates were outside the scope (a small scope, or a word mostly mailed
  // elsewhere): the planner's own plan, the scope first for a small one.
  const rows =
    firstRows.length > input.limit || (first[0]?.candidates ?? 0) < candidates
      ? firstRows
      : await db.$queryRaw<Raw[]>`
    SELECT ${columns}
    FROM "CharacterMail" m ${scopeJoins(Prisma.sql`m."characterId"`)}
    LEFT JOIN "EveEntity" e ON e.id = m."senderId"
    WHERE ${matching} AND ${inScope(viewer)}
    ORDER BY ${newestFirst}
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
