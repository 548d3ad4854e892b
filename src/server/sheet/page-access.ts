// Sheet pages (layout and tabs) resolve the character once per request through the
// same access filter as the tRPC sheet procedures.
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentViewer } from "~/server/access/current-viewer";
import { appDeps } from "~/server/deps";
import { findViewableCharacter } from "./viewable-character";

export const loadSheet = cache(async (idParam: string) => {
  const current = await currentViewer();
  if (!current) redirect("/signin");
  const id = Number(idParam);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const { db } = appDeps();
  const character = await findViewableCharacter(db, current.viewer, id);
  if (!character) notFound();
  return { ...current, db, character };
});
