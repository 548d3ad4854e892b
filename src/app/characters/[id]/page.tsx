import { notFound, redirect } from "next/navigation";
import { currentUser } from "~/server/auth/session";
import { appDeps } from "~/server/deps";

// Placeholder until the viewer lands: owners see their own registered characters only.
export default async function CharacterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const ownership = await appDeps().db.characterOwnership.findUnique({
    where: { characterId: id },
    include: { character: { include: { character: true } } },
  });
  // Someone else's character answers exactly like a missing one, so existence does not leak.
  if (!ownership || ownership.userId !== user.id || !ownership.character.character) notFound();
  const c = ownership.character;
  return (
    <div className="rounded-lg border border-ink-700 bg-ink-900 p-6">
      <h1 className="text-2xl font-semibold text-slate-100">{c.name}</h1>
      <p className="mt-2 text-sm text-slate-400">The character sheet (assets, skills, wallet and the other sections) arrives with the section updates.</p>
    </div>
  );
}
