import { BlueprintsTable, IndustryJobsTable, MarketOrdersTable } from "~/components/sheet/industry-tables";
import { HISTORY_LIMIT, industrySheet } from "~/server/sheet/industry";
import { loadSheet } from "~/web/sheet";

export default async function IndustryPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const sheet = await industrySheet(db, character.id);
  const panel = "overflow-x-auto rounded-lg border border-ink-700 bg-ink-900 p-4";
  const capped = (total: number, what: string) =>
    total > HISTORY_LIMIT && (
      <p className="mt-2 text-xs text-slate-500">
        Showing the newest {HISTORY_LIMIT} of {total} {what}.
      </p>
    );
  return (
    <div className="space-y-6">
      <section className={panel}>
        <h2 className="mb-3 text-lg font-semibold text-slate-100">Industry jobs ({sheet.jobs.length})</h2>
        <IndustryJobsTable jobs={sheet.jobs} />
        {capped(sheet.historyTotals.jobs, "finished jobs")}
      </section>
      <section className={panel}>
        <h2 className="mb-3 text-lg font-semibold text-slate-100">Market orders ({sheet.orders.length})</h2>
        <MarketOrdersTable orders={sheet.orders} />
        {capped(sheet.historyTotals.orders, "closed orders")}
      </section>
      <section className={panel}>
        <h2 className="mb-3 text-lg font-semibold text-slate-100">Blueprints ({sheet.blueprints.length})</h2>
        <BlueprintsTable blueprints={sheet.blueprints} />
      </section>
    </div>
  );
}
