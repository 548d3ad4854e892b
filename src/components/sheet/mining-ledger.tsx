"use client";
// The mining ledger: the first page comes rendered from the server, later pages from
// the tRPC cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import type { MiningMonth, MiningRow } from "~/server/sheet/mining";
import { useTRPC } from "~/trpc/client";
import { EmptyState } from "./empty-state";
import { formatInteger, formatIsk } from "./format";

const cell = "px-3 py-1.5";
const PAGE = 50;

export function MiningLedger({ characterId, first }: { characterId: number; first: { rows: MiningRow[]; nextCursor: string | null } }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.sheet.mining.ledger.infiniteQueryOptions(
      { characterId, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, initialData: { pages: [first], pageParams: [null] } },
    ),
  );
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  if (rows.length === 0) return <EmptyState>No mining recorded.</EmptyState>;
  return (
    <div>
      <table className="w-full text-sm" data-testid="mining-ledger">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className={cell}>Date</th>
            <th className={cell}>Solar system</th>
            <th className={cell}>Ore</th>
            <th className={`${cell} text-right`}>Quantity</th>
            <th className={`${cell} text-right`}>Est. value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.date}-${r.solarSystemId}-${r.typeId}`} className="border-t border-ink-700">
              <td className={`${cell} text-slate-400`}>{r.date}</td>
              <td className={`${cell} text-slate-300`}>{r.solarSystemName}</td>
              <td className={`${cell} text-slate-200`}>{r.typeName}</td>
              <td className={`${cell} text-right tabular-nums text-slate-300`}>{formatInteger(r.quantity)}</td>
              <td className={`${cell} text-right tabular-nums text-slate-300`}>{formatIsk(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {query.hasNextPage && (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          className="mt-3 rounded border border-ink-700 px-3 py-1 text-sm text-slate-300 hover:bg-ink-800 disabled:opacity-50"
          data-testid="mining-more"
        >
          {query.isFetchingNextPage ? "Loading…" : "Show more"}
        </button>
      )}
    </div>
  );
}

export function MiningMonths({ months }: { months: MiningMonth[] }) {
  if (months.length === 0) return null;
  return (
    <table className="w-full text-sm" data-testid="mining-months">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className={cell}>Month</th>
          <th className={`${cell} text-right`}>Quantity</th>
          <th className={`${cell} text-right`}>Est. value</th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.month} className="border-t border-ink-700">
            <td className={`${cell} text-slate-300`}>{m.month}</td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>{formatInteger(m.quantity)}</td>
            <td className={`${cell} text-right tabular-nums text-slate-200`}>{formatIsk(m.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
