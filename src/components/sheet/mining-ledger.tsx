"use client";
// The mining ledger: the first page and the filter options come rendered from the
// server; filtered lists and later pages come from the tRPC cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import { type ChangeEvent, useState } from "react";
import { Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { EmptyState } from "./empty-state";
import { formatInteger, formatIsk } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";

const PAGE = 50;

export function MiningLedger({
  characterId,
  first,
  options,
}: {
  characterId: number;
  first: RouterOutputs["sheet"]["mining"]["ledger"];
  options: RouterOutputs["sheet"]["mining"]["filterOptions"];
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
      <Table
        caption="Mining ledger"
        testId="mining-ledger"
        rows={rows}
        rowKey={(r) => `${r.date}-${r.solarSystemId}-${r.typeId}`}
        columns={[
          { header: "Date", className: "text-slate-400", cell: (r) => r.date },
          { header: "Solar system", className: "text-slate-300", cell: (r) => r.solarSystemName },
          { header: "Ore", className: "text-slate-200", cell: (r) => r.typeName },
          { header: "Quantity", numeric: true, className: "text-slate-300", cell: (r) => formatInteger(r.quantity) },
          { header: "Est. value", numeric: true, className: "text-slate-300", cell: (r) => formatIsk(r.value) },
        ]}
      />
      <LoadMoreButton query={query} testId="mining-more" className="mt-3" />
    </div>
  );
}

export function MiningMonths({ months }: { months: RouterOutputs["sheet"]["mining"]["monthly"] }) {
  if (months.length === 0) return null;
  return (
    <Table
      caption="Mining per month"
      testId="mining-months"
      rows={months}
      rowKey={(m) => m.month}
      columns={[
        { header: "Month", className: "text-slate-300", cell: (m) => m.month },
        { header: "Quantity", numeric: true, className: "text-slate-300", cell: (m) => formatInteger(m.quantity) },
        { header: "Est. value", numeric: true, className: "text-slate-200", cell: (m) => formatIsk(m.value) },
      ]}
    />
  );
}
