"use client";
// The mining ledger: the first page and the filter options come rendered from the
// server; filtered lists and later pages come from the tRPC cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import { type ChangeEvent, useState } from "react";
import type { MiningMonth, MiningRow } from "~/server/sheet/mining";
import { useTRPC } from "~/trpc/client";
import { EmptyState } from "./empty-state";
import { formatInteger, formatIsk } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";

const cell = "px-3 py-1.5";
const PAGE = 50;

interface Option {
  id: number;
  name: string;
}

export function MiningLedger({
  characterId,
  first,
  options,
}: {
  characterId: number;
  first: { rows: MiningRow[]; nextCursor: string | null };
  options: { types: Option[]; systems: Option[] };
}) {
  const trpc = useTRPC();
  const [typeId, setTypeId] = useState<number | undefined>();
  const [solarSystemId, setSolarSystemId] = useState<number | undefined>();
  const unfiltered = typeId === undefined && solarSystemId === undefined;
  const query = useInfiniteQuery(
    trpc.sheet.mining.ledger.infiniteQueryOptions(
      { characterId, limit: PAGE, typeId, solarSystemId },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: unfiltered ? { pages: [first], pageParams: [null] } : undefined,
      },
    ),
  );
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  if (unfiltered && rows.length === 0) return <EmptyState>No mining recorded.</EmptyState>;
  const select = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm text-slate-300";
  const pick = (set: (v: number | undefined) => void) => (e: ChangeEvent<HTMLSelectElement>) =>
    set(e.target.value ? Number(e.target.value) : undefined);
  return (
    <div>
      <div className="mb-3 flex flex-wrap gap-3">
        <select
          aria-label="Ore"
          className={select}
          value={typeId ?? ""}
          onChange={pick(setTypeId)}
          data-testid="mining-filter-type"
        >
          <option value="">All ores</option>
          {options.types.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Solar system"
          className={select}
          value={solarSystemId ?? ""}
          onChange={pick(setSolarSystemId)}
          data-testid="mining-filter-system"
        >
          <option value="">All systems</option>
          {options.systems.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      {rows.length === 0 && (
        <EmptyState>{query.isLoading ? "Loading…" : "Nothing mined with these filters."}</EmptyState>
      )}
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
      <LoadMoreButton query={query} testId="mining-more" className="mt-3" />
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
