import { KillmailsTable } from "~/components/sheet/killmails-table";
import { killmailsPage } from "~/server/sheet/killmails";
import { loadSheet } from "~/web/sheet";

export default async function KillmailsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const first = await killmailsPage(db, character.id, { limit: 50 });
  return (
    <section className="overflow-x-auto rounded-lg border border-ink-700 bg-ink-900 p-4">
      <h2 className="mb-3 text-lg font-semibold text-slate-100">Kills and losses</h2>
      <KillmailsTable characterId={character.id} first={first} />
    </section>
  );
}
