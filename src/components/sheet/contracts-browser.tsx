"use client";
// Contracts newest first (status / type filters, "load more") beside the selected
// contract's items and bids, both fetched through tRPC.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Panel } from "~/components/ui/panel";
import { Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";
import { ContractDetail } from "./contract-detail";
import { formatEveTime, formatIsk } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";
import { ErrorMessage } from "~/components/error-message";

type ContractsPage = RouterOutputs["sheet"]["contracts"]["list"];
type ContractRow = ContractsPage["rows"][number];
type ContractsInput = RouterInputs["sheet"]["contracts"]["list"];

const control = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm";

function money(c: ContractRow): string {
  if (c.type === "courier") return `${formatIsk(c.reward)} reward`;
  if (c.type === "auction") return `${formatIsk(c.price)} start${c.buyout ? ` · ${formatIsk(c.buyout)} buyout` : ""}`;
  return formatIsk(c.price);
}

export function ContractsBrowser({
  characterId,
  initialPage,
  options,
}: {
  characterId: number;
  initialPage: ContractsPage;
  options: RouterOutputs["sheet"]["contracts"]["filterOptions"];
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
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
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
        <Table
          caption="Contracts"
          look="boxed"
          rows={rows}
          rowKey={(c) => c.contractId}
          rowTestId={(c) => `contract-row-${c.contractId}`}
          rowClassName={(c) => `cursor-pointer hover:bg-ink-800 ${selected === c.contractId ? "bg-ink-800" : ""}`}
          onRowClick={(c) => setSelected(c.contractId)}
          empty={!list.isFetching && "No contracts match."}
          columns={[
            {
              header: "Issued",
              className: "whitespace-nowrap text-slate-400",
              cell: (c) => formatEveTime(c.dateIssued),
            },
            {
              header: "Contract",
              cell: (c) => (
                <>
                  <span className="text-slate-200">{c.title || c.typeLabel}</span>
                  <span className="block text-xs text-slate-400">
                    {c.typeLabel}
                    {c.startLocation ? ` · ${c.startLocation.name}` : ""}
                    {c.endLocation ? ` → ${c.endLocation.name}` : ""}
                  </span>
                </>
              ),
            },
            {
              header: "Issuer → Assignee",
              className: "text-slate-300",
              cell: (c) => `${c.issuer.name} → ${c.assignee?.name ?? "public"}`,
            },
            { header: "Status", className: "text-slate-300", cell: (c) => c.statusLabel },
            { header: "Price", numeric: true, className: "whitespace-nowrap", cell: money },
          ]}
        />
        <LoadMoreButton query={list} label={`Load more (${rows.length} shown)`} />
      </section>
      <Panel data-testid="contract-detail">
        {!selected ? (
          <p className="text-sm text-slate-400">Pick a contract to see its items and bids.</p>
        ) : detail.isPending ? (
          <p className="text-sm text-slate-400">Loading…</p>
        ) : detail.data ? (
          <ContractDetail c={detail.data} />
        ) : (
          <p className="text-sm text-slate-400">This contract is no longer stored.</p>
        )}
      </Panel>
    </div>
  );
}
