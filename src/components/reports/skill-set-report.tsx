"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { ErrorMessage } from "~/components/error-message";
import { LoadMoreButton } from "~/components/load-more-button";
import { formatDuration } from "~/components/sheet/format";
import { type Column, Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";
import { CsvLink, FilterSelect, selectClass, sortState, YesNoSelect } from "./report-controls";
import { EveImage, EveName } from "~/components/eve-image";

type Input = RouterInputs["reports"]["skillSets"];
type Sort = NonNullable<Input["sort"]>;
type Row = RouterOutputs["reports"]["skillSets"]["rows"][number];
type Filters = Pick<
  Input,
  "groupId" | "skillSetId" | "corporationId" | "allianceId" | "requiredMet" | "mainOnly" | "doctrineOnly"
>;

function SetList({ sets, imageBaseUrl }: { sets: Row["requiredMet"]; imageBaseUrl: string }) {
  if (sets.length === 0) return <span className="text-slate-400">None</span>;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {sets.map((s) => (
        <li key={s.id} className="flex items-center gap-1">
          {s.shipTypeId && <EveImage base={imageBaseUrl} kind="type" id={s.shipTypeId} size={20} alt="" />}
          {s.name}
        </li>
      ))}
    </ul>
  );
}

const seconds = (s: number | null | undefined) =>
  s === null || s === undefined ? "unknown" : formatDuration(s * 1000);

export function SkillSetReport({ imageBaseUrl }: { imageBaseUrl: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search);
  const [sort, setSort] = useState<{ sort: Sort; order: "asc" | "desc" }>({ sort: "group", order: "asc" });
  const [filters, setFilters] = useState<Filters>({});
  const options = useQuery(trpc.reports.filterOptions.queryOptions());
  const view = { ...filters, ...sort, search: deferredSearch || undefined };
  const query = useInfiniteQuery(
    trpc.reports.skillSets.infiniteQueryOptions(
      { limit: 50, ...view },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const sortable = sortState(sort, setSort);
  const groups = options.data?.groups ?? [];
  const sets = (filters.groupId ? groups.filter((g) => g.id === filters.groupId) : groups).flatMap((g) => g.skillSets);
  const setNames = new Map(sets.map((s) => [s.id, s.name]));

  const columns: Column<Row>[] = [
    {
      header: "Character",
      sort: sortable("character"),
      rowHeader: true,
      cell: (r) => (
        <span className="flex items-center gap-2 font-normal">
          <EveImage base={imageBaseUrl} kind="character" id={r.character.id} size={24} alt="" />
          {r.canView ? (
            <Link
              href={`/characters/${r.character.id}${r.linkSkillSets ? "/skill-sets" : ""}`}
              className="text-sky-300 hover:underline"
            >
              {r.character.name}
            </Link>
          ) : (
            <span className="text-slate-200">{r.character.name}</span>
          )}
          {r.isMain && <span className="text-xs text-amber-300">main</span>}
        </span>
      ),
    },
    {
      header: "Group",
      sort: sortable("group"),
      cell: (r) => `${r.group.isDoctrine ? "Doctrine: " : ""}${r.group.name}`,
    },
    {
      header: "Main",
      sort: sortable("main"),
      cell: (r) => (
        <span>
          <EveName base={imageBaseUrl} kind="character" entity={r.main} />
          {r.corporation && (
            <span className="block text-xs text-slate-400">
              <EveName base={imageBaseUrl} kind="corporation" entity={r.corporation} size={16} />
            </span>
          )}
        </span>
      ),
    },
    {
      header: "Required skills met",
      sort: sortable("passed"),
      cell: (r) => <SetList sets={r.requiredMet} imageBaseUrl={imageBaseUrl} />,
    },
    {
      header: "Recommended skills met",
      cell: (r) => <SetList sets={r.recommendedMet} imageBaseUrl={imageBaseUrl} />,
    },
    {
      header: "Training for the rest",
      headerTitle: "Time to train the missing required skills at the character's attributes",
      cell: (r) =>
        r.training.nearest === null ? (
          <span className="text-slate-400">Nothing missing</span>
        ) : (
          <span>
            all: {seconds(r.training.allSeconds)}
            <span className="block text-xs text-slate-400">
              nearest ({setNames.get(r.training.nearest.skillSetId) ?? `set ${r.training.nearest.skillSetId}`}):{" "}
              {seconds(r.training.nearest.seconds)}
            </span>
          </span>
        ),
    },
  ];

  const checkbox = (key: "mainOnly" | "doctrineOnly", label: string) => (
    <label className="flex items-center gap-1 self-end pb-1 text-sm text-slate-200">
      <input
        type="checkbox"
        checked={filters[key] ?? false}
        onChange={(e) => setFilters({ ...filters, [key]: e.target.checked || undefined })}
      />
      {label}
    </label>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-0.5 text-xs text-slate-300">
          Character or main
          <input
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Name"
            className={`${selectClass} w-44`}
          />
        </label>
        <FilterSelect
          label="Group"
          anyLabel="All groups"
          value={filters.groupId}
          onChange={(groupId) => setFilters({ ...filters, groupId, skillSetId: undefined })}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
        />
        <FilterSelect
          label="Meets skill set"
          anyLabel="Any set"
          value={filters.skillSetId}
          onChange={(skillSetId) => setFilters({ ...filters, skillSetId })}
          options={sets.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          label="Main's corporation"
          anyLabel="All corporations"
          value={filters.corporationId}
          onChange={(corporationId) => setFilters({ ...filters, corporationId })}
          options={options.data?.corporations.map((c) => ({ value: c.id, label: c.name })) ?? []}
        />
        <FilterSelect
          label="Main's alliance"
          anyLabel="All alliances"
          value={filters.allianceId}
          onChange={(allianceId) => setFilters({ ...filters, allianceId })}
          options={options.data?.alliances.map((a) => ({ value: a.id, label: a.name })) ?? []}
        />
        <YesNoSelect
          label="Any set met?"
          value={filters.requiredMet}
          onChange={(requiredMet) => setFilters({ ...filters, requiredMet })}
        />
        {checkbox("mainOnly", "Mains only")}
        {checkbox("doctrineOnly", "Doctrines only")}
        <CsvLink tab="skill-sets" input={view} />
        <span className="self-end text-sm text-slate-300" data-testid="report-total" aria-live="polite">
          {total} rows
        </span>
      </div>
      <ErrorMessage error={query.error} />
      <Table
        caption="Skill sets by character"
        testId="skill-set-report-table"
        look="boxed"
        rows={rows}
        rowKey={(r) => `${r.group.id}:${r.character.id}`}
        columns={columns}
        empty={query.isSuccess ? "No character matches these filters." : undefined}
      />
      <LoadMoreButton query={query} label={`Load more (${rows.length} of ${total})`} />
    </div>
  );
}
