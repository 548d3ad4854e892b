import { notFound, redirect } from "next/navigation";
import { CharacterFinder } from "~/components/finder/character-finder";
import { env } from "~/env";
import { currentViewer } from "~/server/access/current-viewer";
import { can } from "~/server/access/viewer";

export default async function FinderPage() {
  const current = await currentViewer();
  if (!current) redirect("/signin");
  const { viewer } = current;
  if (!can(viewer, "basic_access") || !can(viewer, "finder_access")) notFound();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold text-slate-100">Character finder</h1>
      <CharacterFinder imageBaseUrl={env().imageBaseUrl} />
    </div>
  );
}
