import { LoyaltyTable, NpcStandingsTable } from "~/components/sheet/standings-tables";
import { loadSheet } from "~/web/sheet";
import { standingsSheet } from "~/server/sheet/standings";

export default async function StandingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const { standings, loyalty } = await standingsSheet(db, character.id);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section className="rounded-lg border border-ink-700 bg-ink-900 p-4 lg:col-span-2">
        <h2 className="mb-3 text-lg font-semibold text-slate-100">NPC standings</h2>
        <NpcStandingsTable standings={standings} />
      </section>
      <section className="rounded-lg border border-ink-700 bg-ink-900 p-4">
        <h2 className="mb-3 text-lg font-semibold text-slate-100">Loyalty points</h2>
        <LoyaltyTable loyalty={loyalty} />
      </section>
    </div>
  );
}
