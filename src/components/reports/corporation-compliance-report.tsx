"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ErrorMessage } from "~/components/error-message";
import { LoadMoreButton } from "~/components/load-more-button";
import { type Column, Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";
import { ComplianceBadge, CsvLink, FilterSelect, sortState } from "./report-controls";
import { EveImage, EveName } from "~/components/eve-image";

type Input = RouterInputs["reports"]["corporationCompliance"];
type Sort = NonNullable<Input["sort"]>;
type Row = RouterOutputs["reports"]["corporationCompliance"]["rows"][number];

export function CorporationComplianceReport({ imageBaseUrl }: { imageBaseUrl: string }) {
  const trpc = useTRPC();
  const [sort, setSort] = useState<{ sort: Sort; order: "asc" | "desc" }>({ sort: "corporation", order: "asc" });
  const [filters, setFilters] = useState<Pick<Input, "corporationId" | "allianceId" | "level">>({});
  const options = useQuery(trpc.reports.filterOptions.queryOptions());
  const view = { ...filters, ...sort };
  const query = useInfiniteQuery(
    trpc.reports.corporationCompliance.infiniteQueryOptions(
      { limit: 50, ...view },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const sortable = sortState(sort, setSort);

  const columns: Column<Row>[] = [
    {
      header: "Corporation",
      sort: sortable("corporation"),
      rowHeader: true,
      cell: (r) =>
        r.corporation ? (
          <span className="flex items-center gap-2 font-normal">
            <EveImage base={imageBaseUrl} kind="corporation" id={r.corporation.id} size={24} alt="" />
            {r.corporation.name}
          </span>
        ) : (
          <span className="font-normal text-slate-300">Users without a main</span>
        ),
    },
    {
      header: "Alliance",
      sort: sortable("alliance"),
      cell: (r) => <EveName base={imageBaseUrl} kind="alliance" entity={r.alliance} />,
    },
    { header: "Users", numeric: true, sort: sortable("users"), cell: (r) => r.users },
    {
      header: "Characters",
      numeric: true,
      sort: sortable("characters"),
      headerTitle: "Registered of all characters the users signed in with",
      cell: (r) => `${r.registeredCharacters} / ${r.totalCharacters}`,
    },
    {
      header: "Compliance",
      sort: sortable("compliance"),
      cell: (r) => <ComplianceBadge level={r.level}>{`${r.compliancePercent} %`}</ComplianceBadge>,
    },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
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
        <FilterSelect
          label="Compliance"
          anyLabel="Any"
          value={filters.level}
          onChange={(level) => setFilters({ ...filters, level })}
          options={[
            { value: "fully", label: "Compliant (100 %)" },
            { value: "partly", label: "Partly (85 % or more)" },
            { value: "not", label: "Not (below 85 %)" },
          ]}
        />
        <CsvLink tab="corporation-compliance" input={view} />
        <span className="self-end text-sm text-slate-300" data-testid="report-total" aria-live="polite">
          {total} corporations
        </span>
      </div>
      <ErrorMessage error={query.error} />
      <Table
        caption="Corporation compliance"
        testId="corporation-compliance-table"
        look="boxed"
        rows={rows}
        rowKey={(r) => r.corporation?.id ?? "none"}
        columns={columns}
        empty={query.isSuccess ? "No corporation matches these filters." : undefined}
      />
      <LoadMoreButton query={query} label={`Load more (${rows.length} of ${total})`} />
    </div>
  );
}
