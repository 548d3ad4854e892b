"use client";
// Market transactions: buy/sell and item-name filters, "load more" through tRPC; the
// first unfiltered page comes from the server render.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { formatEveTime, formatInteger, formatIsk } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";
import { ErrorMessage } from "~/components/error-message";

const control = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm";

export function WalletTransactions({
  characterId,
  initialPage,
}: {
  characterId: number;
  initialPage: RouterOutputs["sheet"]["wallet"]["transactions"];
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
      <Table
        caption="Market transactions"
        look="boxed"
        rows={rows}
        rowKey={(r) => r.transactionId}
        rowTestId={(r) => `transaction-row-${r.transactionId}`}
        empty={!query.isFetching && "No transactions match."}
        columns={[
          { header: "Date", className: "whitespace-nowrap text-slate-400", cell: (r) => formatEveTime(r.date) },
          { header: "Item", className: "text-slate-200", cell: (r) => r.type.name },
          { header: "Quantity", numeric: true, cell: (r) => formatInteger(r.quantity) },
          { header: "Unit price", numeric: true, className: "whitespace-nowrap", cell: (r) => formatIsk(r.unitPrice) },
          {
            header: "Total",
            numeric: true,
            className: (r) => `whitespace-nowrap ${r.isBuy ? "text-red-300" : "text-emerald-300"}`,
            cell: (r) => formatIsk(r.isBuy ? -r.total : r.total),
          },
          { header: "Client", className: "text-slate-300", cell: (r) => r.client.name },
          { header: "Where", className: "text-slate-400", cell: (r) => r.location.name },
        ]}
      />
      <LoadMoreButton query={query} label={`Load more (${rows.length} shown)`} />
    </section>
  );
}
