// Reading the audit log: the superusers' list (filters, keyset paging newest first),
// the same rows for the CSV download, and an owner's "who looked at my characters".
// Names are looked up at read time: the rows keep ids only (./record.ts).
import { z } from "zod";
import type { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import { bigintId, decodeCursor, encodeCursor, isoDate, pageInput } from "~/server/paging/cursor";
import { boundedDate, safeText } from "~/server/paging/inputs";
import { AUDIT_ACTIONS } from "./record";

export const auditFilterInput = z.object({
  /** Part of a name of any character of the actor. */
  actor: safeText(100).optional(),
  /** A character id, or part of its name. */
  character: safeText(100).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: boundedDate.optional(),
  to: boundedDate.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterInput>;

export const auditListInput = auditFilterInput.extend(pageInput);
export type AuditListInput = Omit<z.infer<typeof auditListInput>, "cursor"> & { cursor?: string | null };

const cursorShape = z.tuple([z.literal("audit"), isoDate, bigintId]);

/** The filters as a where clause; null when a name filter matches no one (so no row can match). */
async function whereOf(db: Db, f: AuditFilter): Promise<Prisma.AuditEventWhereInput | null> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actor) {
    const contains = { contains: f.actor, mode: "insensitive" } as const;
    const [owners, staff] = await Promise.all([
      db.characterOwnership.findMany({
        where: { character: { name: contains } },
        select: { userId: true },
        take: 1000,
      }),
      // Staff signed in through LDAP may own no character: their directory name finds them.
      db.user.findMany({ where: { displayName: contains }, select: { id: true }, take: 1000 }),
    ]);
    const ids = new Set([...owners.map((o) => o.userId), ...staff.map((u) => u.id)]);
    if (ids.size === 0) return null;
    and.push({ actorUserId: { in: [...ids] } });
  }
  if (f.character) {
    const id = /^\d{1,10}$/.test(f.character) ? Number(f.character) : null;
    const named = await db.eveCharacter.findMany({
      where: { name: { contains: f.character, mode: "insensitive" } },
      select: { id: true },
      take: 1000,
    });
    const ids = [...named.map((c) => c.id), ...(id !== null && id <= 2_147_483_647 ? [id] : [])];
    if (ids.length === 0) return null;
    and.push({ characterId: { in: ids } });
  }
  if (f.action) and.push({ action: f.action });
  if (f.from) and.push({ at: { gte: f.from } });
  if (f.to) and.push({ at: { lte: f.to } });
  return { AND: and };
}

type EventRow = Awaited<ReturnType<Db["auditEvent"]["findMany"]>>[number];

async function named(db: Db, events: EventRow[]) {
  const userIds = [...new Set(events.flatMap((e) => [e.actorUserId, e.targetUserId]).filter((x) => x !== null))];
  const characterIds = [...new Set(events.map((e) => e.characterId).filter((x) => x !== null))];
  const tokenIds = [...new Set(events.map((e) => e.tokenId).filter((x) => x !== null))];
  const [users, characters, tokens] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, displayName: true, mainCharacter: { select: { name: true } } },
    }),
    db.eveCharacter.findMany({ where: { id: { in: characterIds } }, select: { id: true, name: true } }),
    tokenIds.length
      ? db.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  // The main's name, else (staff signed in through LDAP, with no character) the directory's.
  const userName = new Map(users.map((u) => [u.id, u.mainCharacter?.name ?? u.displayName ?? u.id]));
  const characterName = new Map(characters.map((c) => [c.id, c.name]));
  const tokenName = new Map(tokens.map((t) => [t.id, t.name]));
  const person = (id: string | null) => (id ? { userId: id, name: userName.get(id) ?? `(deleted user ${id})` } : null);
  return events.map((e) => ({
    id: e.id.toString(),
    at: e.at,
    action: e.action,
    via: e.via,
    tokenId: e.tokenId,
    /** The token's name, null once the token row is gone (its holder deleted). */
    token: e.tokenId ? { id: e.tokenId, name: tokenName.get(e.tokenId) ?? null } : null,
    detail: e.detail,
    address: e.address,
    actor: person(e.actorUserId),
    target: person(e.targetUserId),
    character: e.characterId ? { id: e.characterId, name: characterName.get(e.characterId) ?? null } : null,
  }));
}

export type AuditRow = Awaited<ReturnType<typeof named>>[number];

export async function listAuditEvents(db: Db, input: AuditListInput) {
  const where = await whereOf(db, input);
  if (!where) return { rows: [] as AuditRow[], nextCursor: null };
  const after = input.cursor ? decodeCursor(input.cursor, cursorShape) : null;
  const page = after
    ? {
        OR: [{ at: { lt: new Date(after[1]) } }, { at: new Date(after[1]), id: { lt: BigInt(after[2]) } }],
      }
    : {};
  const events = await db.auditEvent.findMany({
    where: { AND: [where, page] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const more = events.length > input.limit;
  const shown = events.slice(0, input.limit);
  const last = shown.at(-1);
  return {
    rows: await named(db, shown),
    nextCursor: more && last ? encodeCursor(["audit", last.at.toISOString(), last.id.toString()]) : null,
  };
}

/** Every row the filters match, newest first, read in pages (the CSV download). */
export async function* allAuditEvents(db: Db, filter: AuditFilter): AsyncGenerator<AuditRow> {
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents(db, { ...filter, cursor, limit: 200 });
    yield* page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The latest views of the owner's characters by anyone else (the launcher's "Who looked at my characters"). */
export async function whoLookedAtMine(db: Db, userId: string, limit = 20) {
  const owned = await db.characterOwnership.findMany({ where: { userId }, select: { characterId: true } });
  if (owned.length === 0) return [];
  const events = await db.auditEvent.findMany({
    where: {
      action: "character.view",
      characterId: { in: owned.map((o) => o.characterId) },
      OR: [{ actorUserId: null }, { actorUserId: { not: userId } }],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
  // An owner learns who looked and when, not the viewer's address or token.
  return (await named(db, events)).map(({ id, at, via, detail, actor, character }) => ({
    id,
    at,
    via,
    detail,
    actor,
    character,
  }));
}
