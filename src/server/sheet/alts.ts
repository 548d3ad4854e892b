// The sheet's alts dropdown, as Member Audit has it: every character the owner signed in
// with, those the viewer may not open greyed out with the reason. Only someone who may
// open one of the owner's characters ever sees this list (the sheet resolves the current
// character through the access rule first), and it shows names only, as Member Audit does.
import type { Viewer } from "~/server/access/viewer";
import { viewableCharactersWhere } from "~/server/access/character-access";
import type { Db } from "~/server/db/client";

/**
 * Why an alt cannot be opened. "unregistered": the owner signed in with it (it has an
 * ownership row) but never registered it for auditing, or its registration was deleted
 * (no Character row). "no access": registered, but the one access rule does not let this
 * viewer open it. A disabled registration keeps its data and stays viewable, so it is not
 * a reason.
 */
export type AltBlockedReason = "unregistered" | "no access";

export interface Alt {
  id: number;
  name: string;
  /** null when the viewer may open it. */
  blocked: AltBlockedReason | null;
}

export async function ownerAlts(db: Db, viewer: Viewer, ownerUserId: string | null): Promise<Alt[]> {
  if (!ownerUserId) return [];
  const owned = await db.eveCharacter.findMany({
    where: { ownership: { userId: ownerUserId } },
    select: { id: true, name: true, character: { select: { id: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const registered = owned.filter((c) => c.character).map((c) => c.id);
  const viewable = new Set(
    (
      await db.character.findMany({
        where: { AND: [{ id: { in: registered } }, viewableCharactersWhere(viewer)] },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  return owned.map((c) => ({
    id: c.id,
    name: c.name,
    blocked: !c.character ? "unregistered" : viewable.has(c.id) ? null : "no access",
  }));
}
