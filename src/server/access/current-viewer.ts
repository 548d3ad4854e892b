// The signed-in viewer for the current request, loaded once per request however many
// server components ask (header, page, layout).
import { cache } from "react";
import { currentUser } from "~/server/auth/session";
import { appDeps } from "~/server/deps";
import { loadViewer } from "./viewer";

export const currentViewer = cache(async () => {
  const user = await currentUser();
  if (!user) return null;
  const viewer = await loadViewer(appDeps().db, user.id);
  return viewer ? { user, viewer } : null;
});
