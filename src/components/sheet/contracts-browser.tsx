"use client";
// Contracts newest first (status / type filters, "load more") beside the selected
// contract's items and bids, both fetched through tRPC.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { ContractDetail, ContractItemRow, ContractRow, ContractsInput } from "~/server/sheet/contracts";
import type { Page } from "~/server/sheet/wallet";
import { useTRPC } from "~/trpc/client";
import { formatEveTime, formatInteger, formatIsk, formatVolume } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";
import { ErrorMessage } from "~/components/error-message";

const control = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm";
type Option = { value: string; label: string };

function money(c: ContractRow): string {
  if (c.type === "courier") return `${formatIsk(c.reward)} reward`;
  if (c.type === "auction") return `${formatIsk(c.price)} start${c.buyout ? ` · ${formatIsk(c.buyout)} buyout` : ""}`;
  return formatIsk(c.price);
}

function Items({ title, items, testId }: { title: string; items: ContractItemRow[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h3 className="mb-1 text-sm font-semibold text-slate-300">{title}</h3>
      <table className="w-full text-left text-sm">
        <tbody>
          {items.map((i) => (
            <tr key={i.recordId} className="border-t border-ink-700">
              <td className="py-1 pr-3 text-slate-200">
                {i.type.name}
                {i.blueprint && (
                  <span className="ml-1 text-xs text-slate-500">({i.blueprint === "copy" ? "copy" : "original"})</span>
                )}
              </td>
              <td className="py-1 pr-3 text-slate-400">{i.type.groupName ?? ""}</td>
              <td className="py-1 text-right tabular-nums">{formatInteger(i.quantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Detail({ c }: { c: ContractDetail }) {
  const fact = (label: string, value: string | null | undefined) =>
    value ? (
      <div className="flex justify-between gap-4 text-sm">
        <dt className="text-slate-400">{label}</dt>
        <dd className="text-right text-slate-200">{value}</dd>
      </div>
    ) : null;
  return (
    <article className="space-y-4">
      <header>
        <h2 className="text-lg font-semibold text-slate-100">{c.title || c.typeLabel}</h2>
        <p className="text-sm text-slate-400">
          {c.typeLabel} · {c.statusLabel} · {c.availability}
        </p>
      </header>
      <dl className="space-y-1">
        {fact(
          "Issuer",
          `${c.issuer.name} (${c.issuerCorporation.name})${c.forCorporation ? " for the corporation" : ""}`,
        )}
        {fact("Assignee", c.assignee?.name)}
        {fact("Acceptor", c.acceptor?.name)}
        {fact("Price", c.price ? formatIsk(c.price) : null)}
        {fact("Buyout", c.buyout ? formatIsk(c.buyout) : null)}
        {fact("Reward", c.reward ? formatIsk(c.reward) : null)}
        {fact("Collateral", c.collateral ? formatIsk(c.collateral) : null)}
        {fact("Volume", c.volume ? formatVolume(c.volume) : null)}
        {fact(c.endLocation ? "From" : "Location", c.startLocation?.name)}
        {fact("To", c.endLocation?.name)}
        {fact("Issued", formatEveTime(c.dateIssued))}
        {fact("Expires", formatEveTime(c.dateExpired))}
        {fact("Accepted", c.dateAccepted ? formatEveTime(c.dateAccepted) : null)}
        {fact("Completed", c.dateCompleted ? formatEveTime(c.dateCompleted) : null)}
        {fact("Days to complete", c.daysToComplete ? String(c.daysToComplete) : null)}
      </dl>
      <Items title="Items included" items={c.included} testId="contract-included" />
      <Items title="Items asked for" items={c.requested} testId="contract-requested" />
      {c.type === "auction" && (
        <div data-testid="contract-bids">
          <h3 className="mb-1 text-sm font-semibold text-slate-300">Bids</h3>
          {c.bids.length === 0 ? (
            <p className="text-sm text-slate-400">No bids.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <tbody>
                {c.bids.map((b) => (
                  <tr key={b.bidId} className="border-t border-ink-700">
                    <td className="py-1 pr-3 text-slate-200">{b.bidder.name}</td>
                    <td className="py-1 pr-3 text-slate-400">{formatEveTime(b.dateBid)}</td>
                    <td className="py-1 text-right tabular-nums">{formatIsk(b.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </article>
  );
}

export function ContractsBrowser({
  characterId,
  initialPage,
  options,
}: {
  characterId: number;
  initialPage: Page<ContractRow>;
  options: { statuses: Option[]; types: Option[] };
}) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<ContractsInput["status"]>();
  const [type, setType] = useState<ContractsInput["type"]>();
  const [selected, setSelected] = useState<string | null>(null);
  const list = useInfiniteQuery(
    trpc.sheet.contracts.list.infiniteQueryOptions(
      { characterId, limit: 50, status, type },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: !status && !type ? { pages: [initialPage], pageParams: [null] } : undefined,
      },
    ),
  );
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const detail = useQuery(
    trpc.sheet.contracts.detail.queryOptions(
      { characterId, contractId: selected ?? undefined },
      { enabled: selected !== null },
    ),
  );

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <section className="space-y-2" data-testid="contracts-list">
        <div className="flex flex-wrap gap-2">
          <select
            aria-label="Status"
            className={control}
            value={status ?? ""}
            onChange={(e) => setStatus((e.target.value || undefined) as ContractsInput["status"])}
          >
            <option value="">Any status</option>
            {options.statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <select
            aria-label="Type"
            className={control}
            value={type ?? ""}
            onChange={(e) => setType((e.target.value || undefined) as ContractsInput["type"])}
          >
            <option value="">Any type</option>
            {options.types.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <ErrorMessage error={list.error} />
        <div className="overflow-x-auto rounded-lg border border-ink-700 bg-ink-900">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-400">
              <tr>
                <th className="px-3 py-2">Issued</th>
                <th className="px-3 py-2">Contract</th>
                <th className="px-3 py-2">Issuer → Assignee</th>
                <th className="px-3 py-2">Status</th>
                <th className="px-3 py-2 text-right">Price</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr
                  key={c.contractId}
                  onClick={() => setSelected(c.contractId)}
                  className={`cursor-pointer border-t border-ink-700 hover:bg-ink-800 ${selected === c.contractId ? "bg-ink-800" : ""}`}
                  data-testid={`contract-row-${c.contractId}`}
                >
                  <td className="whitespace-nowrap px-3 py-1.5 text-slate-400">{formatEveTime(c.dateIssued)}</td>
                  <td className="px-3 py-1.5">
                    <span className="text-slate-200">{c.title || c.typeLabel}</span>
                    <span className="block text-xs text-slate-500">
                      {c.typeLabel}
                      {c.startLocation ? ` · ${c.startLocation.name}` : ""}
                      {c.endLocation ? ` → ${c.endLocation.name}` : ""}
                    </span>
                  </td>
                  <td className="px-3 py-1.5 text-slate-300">
                    {c.issuer.name} → {c.assignee?.name ?? "public"}
                  </td>
                  <td className="px-3 py-1.5 text-slate-300">{c.statusLabel}</td>
                  <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">{money(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!list.isFetching && rows.length === 0 && (
            <p className="p-4 text-center text-sm text-slate-400">No contracts match.</p>
          )}
        </div>
        <LoadMoreButton query={list} label={`Load more (${rows.length} shown)`} />
      </section>
      <section className="rounded-lg border border-ink-700 bg-ink-900 p-4" data-testid="contract-detail">
        {!selected ? (
          <p className="text-sm text-slate-400">Pick a contract to see its items and bids.</p>
        ) : detail.isPending ? (
          <p className="text-sm text-slate-400">Loading…</p>
        ) : detail.data ? (
          <Detail c={detail.data} />
        ) : (
          <p className="text-sm text-slate-400">This contract is no longer stored.</p>
        )}
      </section>
    </div>
  );
}
