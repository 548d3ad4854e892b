// Server-side sessions behind next-auth's JWT cookie: the cookie only names a Session
// row, which must still exist, be unexpired and belong to an active user. Deleting rows
// signs users out (deactivation does); signing out deletes the row.
import { randomBytes } from "node:crypto";
import type { Db } from "~/server/db/client";

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

/** The signed-in user a session token stands for, with the main character; null when none. */
export async function findSessionUser(db: Db, sessionToken: string | undefined, now = new Date()) {
  if (!sessionToken) return null;
  const row = await db.session.findUnique({
    where: { sessionToken },
    include: { user: { include: { mainCharacter: true } } },
  });
  if (!row || row.expires < now || !row.user.isActive) return null;
  return row.user;
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

/** A new session row for the user who owns the character just signed in with. */
export async function openSession(
  db: Db,
  characterId: number,
  now = new Date(),
): Promise<{ sessionToken: string; userId: string }> {
  const ownership = await db.characterOwnership.findUniqueOrThrow({ where: { characterId } });
  return openUserSession(db, ownership.userId, now);
}

/** A new session row for a user signed in without a character (LDAP, docs/ldap.md). */
export async function openUserSession(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ sessionToken: string; userId: string }> {
  const session = await db.session.create({
    data: {
      userId,
      sessionToken: randomBytes(32).toString("base64url"),
      expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
    },
  });
  return { sessionToken: session.sessionToken, userId };
}

export async function closeSession(db: Db, sessionToken: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken } });
}
