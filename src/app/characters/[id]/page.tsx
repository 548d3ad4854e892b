import { notFound, redirect } from "next/navigation";
import { SectionStatusTable } from "~/components/section-status-table";
import { env } from "~/env";
import { characterStatus } from "~/server/updates/character-status";
import { viewableCharactersWhere } from "~/server/access/character-access";
import { loadViewer } from "~/server/access/viewer";
import { currentUser } from "~/server/auth/session";
import { appDeps } from "~/server/deps";

// Placeholder until the section tabs land. Access goes through the one access filter;
// a character the viewer may not open answers exactly like a missing one.
export default async function CharacterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const { db } = appDeps();
  const viewer = await loadViewer(db, user.id);
  if (!viewer) redirect("/signin");
  const character = await db.character.findFirst({
    where: { AND: [{ id }, viewableCharactersWhere(viewer)] },
    include: { eveCharacter: true },
  });
  if (!character) notFound();
  const c = character.eveCharacter;
  const status = await characterStatus(db, id, env().engine);
  return (
    <div className="rounded-lg border border-ink-700 bg-ink-900 p-6">
      <h1 className="text-2xl font-semibold text-slate-100" data-testid="character-name">
        {c.name}
      </h1>
      <p className="text-sm text-slate-400">
        {c.corporationName ?? "Corporation pending"}
        {c.allianceName && ` · ${c.allianceName}`}
      </p>
      <p className="mt-4 text-sm text-slate-400">The character sheet's tabs (assets, skills, wallet and the other sections) come next; this page shows what has been loaded.</p>
      {status && <SectionStatusTable status={status} />}
    </div>
  );
}
