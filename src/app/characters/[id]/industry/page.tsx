import { BlueprintsTable, IndustryJobsTable, MarketOrdersTable } from "~/components/sheet/industry-tables";
import { Panel } from "~/components/ui/panel";
import { HISTORY_LIMIT, industrySheet } from "~/server/sheet/industry";
import { loadSheet } from "~/web/sheet";

export default async function IndustryPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const sheet = await industrySheet(db, character.id);
  const capped = (total: number, what: string) =>
    total > HISTORY_LIMIT && (
      <p className="mt-2 text-xs text-slate-400">
        Showing the newest {HISTORY_LIMIT} of {total} {what}.
      </p>
    );
  return (
    <div className="space-y-6">
      <Panel title={`Industry jobs (${sheet.jobs.length})`}>
        <IndustryJobsTable jobs={sheet.jobs} />
        {capped(sheet.historyTotals.jobs, "finished jobs")}
      </Panel>
      <Panel title={`Market orders (${sheet.orders.length})`}>
        <MarketOrdersTable orders={sheet.orders} />
        {capped(sheet.historyTotals.orders, "closed orders")}
      </Panel>
      <Panel title={`Blueprints (${sheet.blueprints.length})`}>
        <BlueprintsTable blueprints={sheet.blueprints} />
      </Panel>
    </div>
  );
}
