// Sharing a character with recruiters. A share lasts while the owner holds
// share_characters and, when a timeout is set, until it runs out.
import { holdsPermission } from "~/server/access/character-access";
import { can, loadPermissionGroups, type Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { AppError, notFound } from "~/server/errors/app-error";

export async function setShared(
  db: Db,
  viewer: Viewer,
  characterId: number,
  shared: boolean,
  now = new Date(),
): Promise<void> {
  if (shared && !can(viewer, "share_characters"))
    throw new AppError("FORBIDDEN", "You may not share characters (permission share_characters).");
  const updated = await db.character.updateMany({
    where: { id: characterId, eveCharacter: { ownership: { userId: viewer.userId } } },
    data: shared ? { isShared: true, sharedAt: now } : { isShared: false, sharedAt: null },
  });
  if (updated.count === 0) throw notFound("Character");
}

/** Ends shares whose owner no longer holds share_characters (or has no owner any more). */
export async function unshareWithoutPermission(db: Db): Promise<number> {
  const { count } = await db.character.updateMany({
    where: {
      isShared: true,
      NOT: {
        eveCharacter: { ownership: { user: holdsPermission(await loadPermissionGroups(db), "share_characters") } },
      },
    },
    data: { isShared: false, sharedAt: null },
  });
  return count;
}

/** Ends shares older than the timeout (minutes; 0 = never) and those without permission. */
export async function expireShares(db: Db, timeoutMinutes: number, now = new Date()): Promise<number> {
  let count = await unshareWithoutPermission(db);
  if (timeoutMinutes > 0) {
    const cutoff = new Date(now.getTime() - timeoutMinutes * 60_000);
    count += (
      await db.character.updateMany({
        where: { isShared: true, sharedAt: { lt: cutoff } },
        data: { isShared: false, sharedAt: null },
      })
    ).count;
  }
  return count;
}
