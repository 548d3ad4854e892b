import { notFound, redirect } from "next/navigation";
import { CharacterFinder } from "~/components/finder/character-finder";
import { env } from "~/env";
import { can, loadViewer } from "~/server/access/viewer";
import { currentUser } from "~/server/auth/session";
import { appDeps } from "~/server/deps";

export default async function FinderPage() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const viewer = await loadViewer(appDeps().db, user.id);
  if (!viewer || !can(viewer, "basic_access") || !can(viewer, "finder_access")) notFound();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold text-slate-100">Character finder</h1>
      <CharacterFinder imageBaseUrl={env().imageBaseUrl} />
    </div>
  );
}
