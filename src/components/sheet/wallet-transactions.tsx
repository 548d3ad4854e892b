"use client";
// Market transactions: buy/sell and item-name filters, "load more" through tRPC; the
// first unfiltered page comes from the server render.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import type { Page, TransactionRow } from "~/server/sheet/wallet";
import { useTRPC } from "~/trpc/client";
import { formatEveTime, formatInteger, formatIsk } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";
import { ErrorMessage } from "~/components/error-message";

const control = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm";

export function WalletTransactions({
  characterId,
  initialPage,
}: {
  characterId: number;
  initialPage: Page<TransactionRow>;
}) {
  const trpc = useTRPC();
  const [side, setSide] = useState<"" | "buy" | "sell">("");
  const [type, setType] = useState("");
  const deferredType = useDeferredValue(type.trim());
  const unfiltered = !side && !deferredType;
  const query = useInfiniteQuery(
    trpc.sheet.wallet.transactions.infiniteQueryOptions(
      { characterId, limit: 50, side: side || undefined, type: deferredType || undefined },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: unfiltered ? { pages: [initialPage], pageParams: [null] } : undefined,
      },
    ),
  );
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);

  return (
    <section className="space-y-3" data-testid="wallet-transactions">
      <h2 className="text-lg font-semibold text-slate-200">Market transactions</h2>
      <div className="flex flex-wrap gap-2">
        <select
          aria-label="Side"
          className={control}
          value={side}
          onChange={(e) => setSide(e.target.value as typeof side)}
        >
          <option value="">Buys and sells</option>
          <option value="buy">Buys</option>
          <option value="sell">Sells</option>
        </select>
        <input
          aria-label="Item"
          placeholder="Item name"
          className={`${control} w-56`}
          value={type}
          onChange={(e) => setType(e.target.value)}
        />
      </div>
      <ErrorMessage error={query.error} />
      <div className="overflow-x-auto rounded-lg border border-ink-700 bg-ink-900">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-400">
            <tr>
              <th className="px-3 py-2">Date</th>
              <th className="px-3 py-2">Item</th>
              <th className="px-3 py-2 text-right">Quantity</th>
              <th className="px-3 py-2 text-right">Unit price</th>
              <th className="px-3 py-2 text-right">Total</th>
              <th className="px-3 py-2">Client</th>
              <th className="px-3 py-2">Where</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.transactionId}
                className="border-t border-ink-700"
                data-testid={`transaction-row-${r.transactionId}`}
              >
                <td className="whitespace-nowrap px-3 py-1.5 text-slate-400">{formatEveTime(r.date)}</td>
                <td className="px-3 py-1.5 text-slate-200">{r.type.name}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatInteger(r.quantity)}</td>
                <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">{formatIsk(r.unitPrice)}</td>
                <td
                  className={`whitespace-nowrap px-3 py-1.5 text-right tabular-nums ${r.isBuy ? "text-red-300" : "text-emerald-300"}`}
                >
                  {formatIsk(r.isBuy ? -r.total : r.total)}
                </td>
                <td className="px-3 py-1.5 text-slate-300">{r.client.name}</td>
                <td className="px-3 py-1.5 text-slate-400">{r.location.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!query.isFetching && rows.length === 0 && (
          <p className="p-4 text-center text-sm text-slate-400">No transactions match.</p>
        )}
      </div>
      <LoadMoreButton query={query} label={`Load more (${rows.length} shown)`} />
    </section>
  );
}
