import { MiningLedger, MiningMonths } from "~/components/sheet/mining-ledger";
import { Panel } from "~/components/ui/panel";
import { miningFilterOptions, miningLedgerPage, miningMonthlyTotals } from "~/server/sheet/mining";
import { loadSheet } from "~/web/sheet";

export default async function MiningPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const [first, months, options] = await Promise.all([
    miningLedgerPage(db, character.id, { limit: 50 }),
    miningMonthlyTotals(db, character.id),
    miningFilterOptions(db, character.id),
  ]);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-3">
      <Panel title="Mining ledger" className="lg:col-span-2">
        <MiningLedger characterId={character.id} first={first} options={options} />
      </Panel>
      <Panel title="Per month">
        <MiningMonths months={months} />
        <p className="mt-3 text-xs text-slate-400">Values are quantities × CCP&apos;s average market price.</p>
      </Panel>
    </div>
  );
}
