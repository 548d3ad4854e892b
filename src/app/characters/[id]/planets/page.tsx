import { PlanetsTable } from "~/components/sheet/planets-table";
import { Panel } from "~/components/ui/panel";
import { loadSheet } from "~/web/sheet";
import { planetsSheet } from "~/server/sheet/planets";

export default async function PlanetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const colonies = await planetsSheet(db, character.id);
  return (
    <Panel title="Planetary colonies">
      <PlanetsTable colonies={colonies} />
    </Panel>
  );
}
