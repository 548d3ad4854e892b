import { KillmailsTable } from "~/components/sheet/killmails-table";
import { Panel } from "~/components/ui/panel";
import { killmailsPage } from "~/server/sheet/killmails";
import { loadSheet } from "~/web/sheet";

export default async function KillmailsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const first = await killmailsPage(db, character.id, { limit: 50 });
  return (
    <Panel title="Kills and losses">
      <KillmailsTable characterId={character.id} first={first} />
    </Panel>
  );
}
