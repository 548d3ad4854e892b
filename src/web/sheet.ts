// Sheet pages (layout and tabs) resolve the character once per request through the
// same access filter as the tRPC sheet procedures.
import { notFound } from "next/navigation";
import { cache } from "react";
import { env } from "~/env";
import { appDeps } from "~/runtime/deps";
import { findViewableCharacter } from "~/server/sheet/viewable-character";
import { characterStatus } from "~/server/updates/character-status";
import { requireViewer } from "./viewer";

export const loadSheet = cache(async (idParam: string) => {
  const current = await requireViewer();
  const id = Number(idParam);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const { db } = appDeps();
  const character = await findViewableCharacter(db, current.viewer, id);
  if (!character) notFound();
  return { ...current, db, character };
});

/** The character's update status, read once per request for the tab bar and the overview. */
export const loadSheetStatus = cache((characterId: number) => characterStatus(appDeps().db, characterId, env().engine));
