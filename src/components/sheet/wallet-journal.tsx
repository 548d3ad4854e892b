"use client";
// The journal table: filters and "load more" through tRPC; the first unfiltered page
// comes from the server render.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";
import { formatEveTime, formatIsk } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";
import { ErrorMessage } from "~/components/error-message";

const control = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm";
const amountClass = (n: number | null) =>
  n === null || n === 0 ? "text-slate-300" : n > 0 ? "text-emerald-300" : "text-red-300";
const parseNumber = (s: string): number | undefined =>
  s.trim() === "" || Number.isNaN(Number(s)) ? undefined : Number(s);

export function WalletJournal({
  characterId,
  initialPage,
  refTypes,
}: {
  characterId: number;
  initialPage: RouterOutputs["sheet"]["wallet"]["journal"];
  refTypes: RouterOutputs["sheet"]["wallet"]["refTypes"];
}) {
  const trpc = useTRPC();
  const [refType, setRefType] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [minAmount, setMinAmount] = useState("");
  const [maxAmount, setMaxAmount] = useState("");
  const [party, setParty] = useState("");
  const deferredParty = useDeferredValue(party.trim());
  const filters: Omit<RouterInputs["sheet"]["wallet"]["journal"], "characterId" | "cursor"> = {
    limit: 50,
    refType: refType || undefined,
    from: from ? new Date(`${from}T00:00:00Z`) : undefined,
    to: to ? new Date(`${to}T23:59:59.999Z`) : undefined,
    minAmount: parseNumber(minAmount),
    maxAmount: parseNumber(maxAmount),
    party: deferredParty || undefined,
  };
  const unfiltered = Object.entries(filters).every(([k, v]) => k === "limit" || v === undefined);
  const query = useInfiniteQuery(
    trpc.sheet.wallet.journal.infiniteQueryOptions(
      { characterId, ...filters },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: unfiltered ? { pages: [initialPage], pageParams: [null] } : undefined,
      },
    ),
  );
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);

  return (
    <section className="space-y-3" data-testid="wallet-journal">
      <h2 className="text-lg font-semibold text-slate-200">Journal</h2>
      <div className="flex flex-wrap gap-2">
        <select aria-label="Ref type" className={control} value={refType} onChange={(e) => setRefType(e.target.value)}>
          <option value="">All types</option>
          {refTypes.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-sm text-slate-400">
          From{" "}
          <input
            type="date"
            aria-label="From"
            className={control}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="flex items-center gap-1 text-sm text-slate-400">
          To{" "}
          <input type="date" aria-label="To" className={control} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <input
          aria-label="Minimum amount"
          inputMode="decimal"
          placeholder="Min ISK"
          className={`${control} w-28`}
          value={minAmount}
          onChange={(e) => setMinAmount(e.target.value)}
        />
        <input
          aria-label="Maximum amount"
          inputMode="decimal"
          placeholder="Max ISK"
          className={`${control} w-28`}
          value={maxAmount}
          onChange={(e) => setMaxAmount(e.target.value)}
        />
        <input
          aria-label="Party"
          placeholder="From / to name"
          className={`${control} w-48`}
          value={party}
          onChange={(e) => setParty(e.target.value)}
        />
      </div>
      <ErrorMessage error={query.error} />
      <Table
        caption="Wallet journal"
        look="boxed"
        rows={rows}
        rowKey={(r) => r.entryId}
        rowTestId={(r) => `journal-row-${r.entryId}`}
        empty={!query.isFetching && "No journal entries match."}
        columns={[
          { header: "Date", className: "whitespace-nowrap text-slate-400", cell: (r) => formatEveTime(r.date) },
          { header: "Type", className: "text-slate-300", cell: (r) => r.refTypeLabel },
          {
            header: "Amount",
            numeric: true,
            className: (r) => `whitespace-nowrap ${amountClass(r.amount)}`,
            cell: (r) => formatIsk(r.amount),
          },
          {
            header: "Balance",
            numeric: true,
            className: "whitespace-nowrap text-slate-300",
            cell: (r) => formatIsk(r.balance),
          },
          {
            header: "From → To",
            className: "text-slate-300",
            cell: (r) => `${r.firstParty?.name ?? "–"} → ${r.secondParty?.name ?? "–"}`,
          },
          {
            header: "Description",
            className: "text-slate-400",
            cell: (r) => (
              <>
                {r.description}
                {r.reason && <span className="block text-xs text-slate-400">{r.reason}</span>}
              </>
            ),
          },
        ]}
      />
      <LoadMoreButton query={query} label={`Load more (${rows.length} shown)`} testId="journal-more" />
    </section>
  );
}
