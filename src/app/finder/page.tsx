import { CharacterFinder } from "~/components/finder/character-finder";
import { env } from "~/env";
import { requireArea } from "~/web/viewer";

export default async function FinderPage() {
  await requireArea("finder");
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold text-slate-100">Character finder</h1>
      <CharacterFinder imageBaseUrl={env().imageBaseUrl} />
    </div>
  );
}
