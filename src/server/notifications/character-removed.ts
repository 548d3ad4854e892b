// "A character was removed" (Member Audit §7.2): told to every user holding
// notified_on_character_removal whose scope includes the character, judged by the same
// access rule as everything else (scopedCharactersWhere), so it has to be asked while
// the character is still there. The user who removed it knows already and is not told.
import type { Prisma } from "@prisma/client";
import { holdsPermission, scopedCharactersWhere } from "~/server/access/character-access";
import { loadPermissionGroups, loadViewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { notify } from "./notify";

/** Users to tell about the removal of `characterId` by `removedBy`; call before removing it. */
export async function characterRemovalRecipients(db: Db, characterId: number, removedBy: string): Promise<string[]> {
  const groups = await loadPermissionGroups(db);
  const holders = await db.user.findMany({
    where: { isActive: true, id: { not: removedBy }, ...holdsPermission(groups, "notified_on_character_removal") },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const recipients: string[] = [];
  // Holders of this permission are leadership: few, so one scope check each keeps the rule in one place.
  for (const holder of holders) {
    const viewer = await loadViewer(db, holder.id);
    if (!viewer) continue;
    const inScope = await db.character.count({ where: { AND: [{ id: characterId }, scopedCharactersWhere(viewer)] } });
    if (inScope > 0) recipients.push(holder.id);
  }
  return recipients;
}

export function notifyCharacterRemoved(
  db: Db | Prisma.TransactionClient,
  recipients: readonly string[],
  removed: { characterName: string; userName: string },
  now?: Date,
): Promise<number> {
  return notify(
    db,
    recipients,
    {
      event: "character_removed",
      level: "info",
      title: `Character removed: ${removed.characterName}`,
      message: `${removed.userName} removed ${removed.characterName} from Member Audit.`,
    },
    now,
  );
}
