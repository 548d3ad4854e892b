import { EmptyState } from "~/components/sheet/empty-state";
import { formatEveTime, formatIsk } from "~/components/sheet/format";
import { WalletBalanceChart } from "~/components/sheet/wallet-balance-chart";
import { WalletJournal } from "~/components/sheet/wallet-journal";
import { WalletTransactions } from "~/components/sheet/wallet-transactions";
import { Panel } from "~/components/ui/panel";
import { loadSheet } from "~/web/sheet";
import {
  journalRefTypes,
  walletBalance,
  walletBalanceChart,
  walletJournal,
  walletTransactions,
} from "~/server/sheet/wallet";

export default async function WalletPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const [balance, refTypes, journal, transactions, chart] = await Promise.all([
    walletBalance(db, character.id),
    journalRefTypes(db, character.id),
    walletJournal(db, character.id, { limit: 50 }),
    walletTransactions(db, character.id, { limit: 50 }),
    walletBalanceChart(db, character.id),
  ]);
  if (!balance && journal.rows.length === 0 && transactions.rows.length === 0)
    return <EmptyState>No wallet data loaded yet.</EmptyState>;
  return (
    <div className="space-y-8">
      <Panel>
        <p className="text-sm text-slate-400">Wallet balance</p>
        <p className="text-2xl font-semibold tabular-nums text-slate-100" data-testid="wallet-balance">
          {formatIsk(balance?.total)}
        </p>
        {balance && <p className="text-xs text-slate-400">as of {formatEveTime(balance.updatedAt)}</p>}
        <div className="mt-4">
          <WalletBalanceChart characterId={character.id} initial={chart} />
        </div>
      </Panel>
      <WalletJournal characterId={character.id} initialPage={journal} refTypes={refTypes} />
      <WalletTransactions characterId={character.id} initialPage={transactions} />
    </div>
  );
}
