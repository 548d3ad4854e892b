import { LoyaltyTable, NpcStandingsTable } from "~/components/sheet/standings-tables";
import { Panel } from "~/components/ui/panel";
import { loadSheet } from "~/web/sheet";
import { standingsSheet } from "~/server/sheet/standings";

export default async function StandingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const { standings, loyalty } = await standingsSheet(db, character.id);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-3">
      <Panel title="NPC standings" className="lg:col-span-2">
        <NpcStandingsTable standings={standings} />
      </Panel>
      <Panel title="Loyalty points">
        <LoyaltyTable loyalty={loyalty} />
      </Panel>
    </div>
  );
}
