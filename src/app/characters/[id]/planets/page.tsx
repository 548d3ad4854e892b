import { PlanetsTable } from "~/components/sheet/planets-table";
import { loadSheet } from "~/web/sheet";
import { planetsSheet } from "~/server/sheet/planets";

export default async function PlanetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const colonies = await planetsSheet(db, character.id);
  return (
    <section className="rounded-lg border border-ink-700 bg-ink-900 p-4">
      <h2 className="mb-3 text-lg font-semibold text-slate-100">Planetary colonies</h2>
      <PlanetsTable colonies={colonies} />
    </section>
  );
}
