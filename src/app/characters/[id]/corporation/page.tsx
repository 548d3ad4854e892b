import { CorporationHistoryTable, FactionWarfarePanel, TitlesAndRoles } from "~/components/sheet/corporation-panels";
import { Panel } from "~/components/ui/panel";
import { env } from "~/env";
import { corporationSheet } from "~/server/sheet/corporation";
import { loadSheet } from "~/web/sheet";

export default async function CorporationPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const sheet = await corporationSheet(db, character.id);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-3">
      <Panel title="Corporation history" className="lg:col-span-2">
        <CorporationHistoryTable history={sheet.history} imageBaseUrl={env().imageBaseUrl} />
      </Panel>
      <div className="space-y-6">
        <Panel title="Titles and roles">
          <TitlesAndRoles titles={sheet.titles} roles={sheet.roles} />
        </Panel>
        <Panel title="Faction warfare">
          <FactionWarfarePanel fw={sheet.fw} />
        </Panel>
      </div>
    </div>
  );
}
