import { ItemSearch } from "~/components/search/item-search";
import { MailSearch } from "~/components/search/mail-search";
import { type SearchKind, SearchTabNav } from "~/components/search/search-controls";
import { SkillSearch } from "~/components/search/skill-search";
import { env } from "~/env";
import { requireArea } from "~/web/viewer";

const KINDS: readonly SearchKind[] = ["items", "skills", "mails"];

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ kind?: string | string[] }> }) {
  const { viewer } = await requireArea("search");
  const asked = (await searchParams).kind;
  const kind = KINDS.find((k) => k === asked) ?? "items";
  const imageBaseUrl = env().imageBaseUrl;
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold text-slate-100">Search across characters</h1>
      <SearchTabNav active={kind} />
      {kind === "items" && <ItemSearch imageBaseUrl={imageBaseUrl} />}
      {kind === "skills" && (
        <SkillSearch imageBaseUrl={imageBaseUrl} skillSets={viewer.permissions.has("view_skill_sets")} />
      )}
      {kind === "mails" && <MailSearch imageBaseUrl={imageBaseUrl} />}
    </div>
  );
}
