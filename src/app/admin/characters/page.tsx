import { CharactersAdmin } from "~/components/admin-characters/characters-admin";
import { env } from "~/env";
import { requireArea } from "~/web/viewer";

/** Holders of manage_characters (and superusers); everyone else gets 404. */
export default async function AdminCharactersPage() {
  await requireArea("characters");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-100">Characters</h1>
      <CharactersAdmin imageBaseUrl={env().imageBaseUrl} />
    </div>
  );
}
