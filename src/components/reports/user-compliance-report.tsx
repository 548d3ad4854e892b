"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { ErrorMessage } from "~/components/error-message";
import { LoadMoreButton } from "~/components/load-more-button";
import { type Column, Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";
import { ComplianceBadge, CsvLink, FilterSelect, selectClass, sortState, YesNoSelect } from "./report-controls";
import { EveImage, EveName } from "~/components/eve-image";

type Input = RouterInputs["reports"]["userCompliance"];
type Sort = NonNullable<Input["sort"]>;
type Row = RouterOutputs["reports"]["userCompliance"]["rows"][number];

export function UserComplianceReport({ imageBaseUrl }: { imageBaseUrl: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search);
  const [sort, setSort] = useState<{ sort: Sort; order: "asc" | "desc" }>({ sort: "main", order: "asc" });
  const [filters, setFilters] = useState<Pick<Input, "corporationId" | "allianceId" | "compliant" | "registered">>({});
  const options = useQuery(trpc.reports.filterOptions.queryOptions());
  const view = { ...filters, ...sort, search: deferredSearch || undefined };
  const query = useInfiniteQuery(
    trpc.reports.userCompliance.infiniteQueryOptions(
      { limit: 50, ...view },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const sortable = sortState(sort, setSort);

  const columns: Column<Row>[] = [
    {
      header: "Main",
      sort: sortable("main"),
      rowHeader: true,
      cell: (r) =>
        r.main ? (
          <span className="flex items-center gap-2 font-normal">
            <EveImage base={imageBaseUrl} kind="character" id={r.main.id} size={24} alt="" />
            {r.canView ? (
              <Link href={`/characters/${r.main.id}`} className="text-sky-300 hover:underline">
                {r.main.name}
              </Link>
            ) : (
              <span className="text-slate-200">{r.main.name}</span>
            )}
          </span>
        ) : (
          <span className="font-normal text-slate-300">No main</span>
        ),
    },
    {
      header: "Organisation",
      sort: sortable("corporation"),
      cell: (r) => (
        <span>
          <EveName base={imageBaseUrl} kind="corporation" entity={r.corporation} />
          {r.alliance && (
            <span className="block text-xs text-slate-400">
              <EveName base={imageBaseUrl} kind="alliance" entity={r.alliance} size={16} />
            </span>
          )}
        </span>
      ),
    },
    { header: "Registered?", cell: (r) => (r.isRegistered ? "Yes" : "No") },
    {
      header: "Compliant?",
      sort: sortable("compliance"),
      cell: (r) => <ComplianceBadge level={r.level} />,
    },
    {
      header: "Characters",
      numeric: true,
      sort: sortable("characters"),
      headerTitle: "Registered of all characters the user signed in with",
      cell: (r) => `${r.registeredCharacters} / ${r.totalCharacters}`,
    },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-0.5 text-xs text-slate-300">
          Main
          <input
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Name"
            className={`${selectClass} w-44`}
          />
        </label>
        <FilterSelect
          label="Corporation"
          anyLabel="All corporations"
          value={filters.corporationId}
          onChange={(corporationId) => setFilters({ ...filters, corporationId })}
          options={options.data?.corporations.map((c) => ({ value: c.id, label: c.name })) ?? []}
        />
        <FilterSelect
          label="Alliance"
          anyLabel="All alliances"
          value={filters.allianceId}
          onChange={(allianceId) => setFilters({ ...filters, allianceId })}
          options={options.data?.alliances.map((a) => ({ value: a.id, label: a.name })) ?? []}
        />
        <YesNoSelect
          label="Registered?"
          value={filters.registered}
          onChange={(registered) => setFilters({ ...filters, registered })}
        />
        <YesNoSelect
          label="Compliant?"
          value={filters.compliant}
          onChange={(compliant) => setFilters({ ...filters, compliant })}
        />
        <CsvLink tab="user-compliance" input={view} />
        <span className="self-end text-sm text-slate-300" data-testid="report-total" aria-live="polite">
          {total} users
        </span>
      </div>
      <ErrorMessage error={query.error} />
      <Table
        caption="User compliance"
        testId="user-compliance-table"
        look="boxed"
        rows={rows}
        rowKey={(r) => r.userId}
        columns={columns}
        empty={query.isSuccess ? "No user matches these filters." : undefined}
      />
      <LoadMoreButton query={query} label={`Load more (${rows.length} of ${total})`} />
    </div>
  );
}
