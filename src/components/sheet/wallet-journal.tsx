"use client";
// The journal table: filters and "load more" through tRPC; the first unfiltered page
// comes from the server render.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import type { JournalInput, JournalRow, Page } from "~/server/sheet/wallet";
import { useTRPC } from "~/trpc/client";
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
  initialPage: Page<JournalRow>;
  refTypes: { value: string; label: string }[];
}) {
  const trpc = useTRPC();
  const [refType, setRefType] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [minAmount, setMinAmount] = useState("");
  const [maxAmount, setMaxAmount] = useState("");
  const [party, setParty] = useState("");
  const deferredParty = useDeferredValue(party.trim());
  const filters: Omit<JournalInput, "cursor"> = {
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
      <div className="overflow-x-auto rounded-lg border border-ink-700 bg-ink-900">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-400">
            <tr>
              <th className="px-3 py-2">Date</th>
              <th className="px-3 py-2">Type</th>
              <th className="px-3 py-2 text-right">Amount</th>
              <th className="px-3 py-2 text-right">Balance</th>
              <th className="px-3 py-2">From → To</th>
              <th className="px-3 py-2">Description</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.entryId} className="border-t border-ink-700" data-testid={`journal-row-${r.entryId}`}>
                <td className="whitespace-nowrap px-3 py-1.5 text-slate-400">{formatEveTime(r.date)}</td>
                <td className="px-3 py-1.5 text-slate-300">{r.refTypeLabel}</td>
                <td className={`whitespace-nowrap px-3 py-1.5 text-right tabular-nums ${amountClass(r.amount)}`}>
                  {formatIsk(r.amount)}
                </td>
                <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums text-slate-300">
                  {formatIsk(r.balance)}
                </td>
                <td className="px-3 py-1.5 text-slate-300">
                  {r.firstParty?.name ?? "–"} → {r.secondParty?.name ?? "–"}
                </td>
                <td className="px-3 py-1.5 text-slate-400">
                  {r.description}
                  {r.reason && <span className="block text-xs text-slate-500">{r.reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!query.isFetching && rows.length === 0 && (
          <p className="p-4 text-center text-sm text-slate-400">No journal entries match.</p>
        )}
      </div>
      <LoadMoreButton query={query} label={`Load more (${rows.length} shown)`} testId="journal-more" />
    </section>
  );
}
