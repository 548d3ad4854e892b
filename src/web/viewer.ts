// The pages' loaders (docs/architecture.md, "Identity"): the signed-in viewer of the
// request, read once, and the named refusals every page uses instead of hand-written
// redirects. Signed out goes to the sign-in page; an area the viewer may not use is a
// 404, like a page that does not exist.
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { appDeps } from "~/runtime/deps";
import { type Area, mayUse } from "~/server/access/areas";
import { loadViewer, type Viewer } from "~/server/access/viewer";
import type { CurrentUser } from "~/server/auth/session";
import type { Permission } from "~/server/identity/permissions";
import { currentUser } from "./auth";

export interface SignedIn {
  user: CurrentUser;
  viewer: Viewer;
}

/** The request's viewer, or null when signed out. */
export const currentViewer = cache(async (): Promise<SignedIn | null> => {
  const user = await currentUser();
  if (!user) return null;
  const viewer = await loadViewer(appDeps().db, user.id);
  return viewer ? { user, viewer } : null;
});

export async function requireViewer(): Promise<SignedIn> {
  const current = await currentViewer();
  if (!current) redirect("/signin");
  return current;
}

export async function requirePermission(...permissions: Permission[]): Promise<SignedIn> {
  const current = await requireViewer();
  if (!permissions.every((p) => current.viewer.permissions.has(p))) notFound();
  return current;
}

export async function requireSuperuser(): Promise<SignedIn> {
  const current = await requireViewer();
  if (!current.viewer.isSuperuser) notFound();
  return current;
}

export async function requireArea(area: Area): Promise<SignedIn> {
  const current = await requireViewer();
  if (!mayUse(current.viewer, area)) notFound();
  return current;
}
