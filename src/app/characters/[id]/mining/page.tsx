import { MiningLedger, MiningMonths } from "~/components/sheet/mining-ledger";
import { miningFilterOptions, miningLedgerPage, miningMonthlyTotals } from "~/server/sheet/mining";
import { loadSheet } from "~/web/sheet";

export default async function MiningPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const [first, months, options] = await Promise.all([
    miningLedgerPage(db, character.id, { limit: 50 }),
    miningMonthlyTotals(db, character.id),
    miningFilterOptions(db, character.id),
  ]);
  const panel = "rounded-lg border border-ink-700 bg-ink-900 p-4";
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section className={`${panel} lg:col-span-2`}>
        <h2 className="mb-3 text-lg font-semibold text-slate-100">Mining ledger</h2>
        <MiningLedger characterId={character.id} first={first} options={options} />
      </section>
      <section className={panel}>
        <h2 className="mb-3 text-lg font-semibold text-slate-100">Per month</h2>
        <MiningMonths months={months} />
        <p className="mt-3 text-xs text-slate-500">Values are quantities × CCP&apos;s average market price.</p>
      </section>
    </div>
  );
}
