// The one door to a character sheet: every sheet read (pages and tRPC) finds the
// character through the viewer's access filter, so a character the viewer may not
// open looks exactly like one that does not exist.
import { viewableCharactersWhere } from "~/server/access/character-access";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";

export async function findViewableCharacter(db: Db, viewer: Viewer, characterId: number) {
  return db.character.findFirst({
    where: { AND: [{ id: characterId }, viewableCharactersWhere(viewer)] },
    include: { eveCharacter: { include: { ownership: { select: { userId: true } } } } },
  });
}

export type SheetCharacter = NonNullable<Awaited<ReturnType<typeof findViewableCharacter>>>;
