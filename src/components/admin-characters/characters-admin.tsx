"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { ErrorMessage } from "~/components/error-message";
import { LoadMoreButton } from "~/components/load-more-button";
import { formatEveTime } from "~/components/sheet/format";
import { type Column, Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";
import { ActionBar } from "./action-bar";
import { CharacterFilters, type Filters } from "./filters";
import { SectionTable } from "./section-table";
import { STATUS, tokenLabel } from "./status";
import { EveImage, EveName } from "~/components/eve-image";

type Sort = NonNullable<RouterInputs["adminCharacters"]["list"]["sort"]>;
type Row = RouterOutputs["adminCharacters"]["list"]["rows"][number];

/** Every registered character, paged on the server, with Member Audit's admin actions on a selection. */
export function CharactersAdmin({ imageBaseUrl }: { imageBaseUrl: string }) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const deferred = useDeferredValue(filters);
  const [sort, setSort] = useState<{ sort: Sort; order: "asc" | "desc" }>({ sort: "name", order: "asc" });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [opened, setOpened] = useState<number | null>(null);
  const query = useInfiniteQuery(
    trpc.adminCharacters.list.infiniteQueryOptions(
      { limit: 50, ...deferred, ...sort },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        // While an update runs, the statuses move on by themselves.
        refetchInterval: (q) =>
          q.state.data?.pages.some((p) => p.rows.some((r) => r.status === "in_progress")) ? 2000 : false,
      },
    ),
  );
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const names = useMemo(() => new Map(rows.map((r) => [r.id, r.name])), [rows]);
  // Only what is on screen can be acted on: a selection never reaches rows the filters hide.
  const visibleSelected = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const allSelected = rows.length > 0 && visibleSelected.length === rows.length;

  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const sortable = (key: Sort): Column<Row>["sort"] => {
    const active = sort.sort === key;
    return {
      direction: active ? sort.order : null,
      onSort: () => setSort({ sort: key, order: active && sort.order === "asc" ? "desc" : "asc" }),
    };
  };

  const columns: Column<Row>[] = [
    {
      header: "Select",
      srOnly: true,
      cell: (r) => (
        <input
          type="checkbox"
          aria-label={`Select ${r.name}`}
          checked={selected.has(r.id)}
          onChange={(e) => toggle(r.id, e.target.checked)}
          className="h-4 w-4"
        />
      ),
    },
    {
      header: "Character",
      sort: sortable("name"),
      rowHeader: true,
      className: "font-normal",
      cell: (r) => (
        <span className="flex items-center gap-2 whitespace-nowrap">
          <EveImage base={imageBaseUrl} kind="character" id={r.id} size={24} alt="" />
          <span className="text-slate-100">{r.name}</span>
          {r.isMain && <span className="text-xs text-amber-300">main</span>}
        </span>
      ),
    },
    {
      header: "Owner (main)",
      sort: sortable("owner"),
      cell: (r) =>
        r.isOrphan ? (
          <span className="text-red-300">orphan</span>
        ) : (
          <EveName base={imageBaseUrl} kind="character" entity={r.main} fallback="no main" />
        ),
    },
    {
      header: "Corporation",
      sort: sortable("corporation"),
      cell: (r) => <EveName base={imageBaseUrl} kind="corporation" entity={r.corporation} fallback="–" />,
    },
    {
      header: "Alliance",
      sort: sortable("alliance"),
      cell: (r) => <EveName base={imageBaseUrl} kind="alliance" entity={r.alliance} fallback="–" />,
    },
    {
      header: "Status",
      sort: sortable("status"),
      className: (r) => STATUS[r.status].className,
      title: (r) => STATUS[r.status].description,
      cell: (r) => <span data-testid="total-status">{STATUS[r.status].label}</span>,
    },
    {
      header: "Token",
      title: (r) => (r.token.state === "valid" ? r.token.missingScopes.join(" ") || undefined : undefined),
      cell: (r) => tokenLabel(r.token),
    },
    { header: "Last success", sort: sortable("lastSuccess"), cell: (r) => formatEveTime(r.lastSuccessAt) },
    {
      header: "Failing sections",
      className: "text-red-300",
      cell: (r) => (r.failingSections.length ? r.failingSections.join(", ") : "–"),
    },
    {
      header: "Sections",
      srOnly: true,
      cell: (r) => (
        <button
          type="button"
          aria-expanded={opened === r.id}
          aria-controls={opened === r.id ? `sections-panel-${r.id}` : undefined}
          onClick={() => setOpened(opened === r.id ? null : r.id)}
          className="rounded border border-ink-700 px-2 py-0.5 text-xs text-sky-300 hover:bg-ink-800"
        >
          Sections<span className="sr-only"> of {r.name}</span>
        </button>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <CharacterFilters value={filters} onChange={setFilters} />
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-300">
          <input
            type="checkbox"
            checked={allSelected}
            ref={(el) => {
              if (el) el.indeterminate = visibleSelected.length > 0 && !allSelected;
            }}
            onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
            className="h-4 w-4"
          />
          Select all shown
        </label>
        <span className="text-sm text-slate-300" data-testid="admin-characters-total">
          {query.data ? `${total} characters` : "Loading…"}
        </span>
      </div>
      <ActionBar selected={visibleSelected} names={names} />
      <ErrorMessage error={query.error} />
      {/* Positioned: the screen-reader-only labels inside are absolute and would otherwise widen the page. */}
      <section aria-label="Characters table, scrolls sideways" className="relative overflow-x-auto">
        <Table
          caption="Registered characters"
          testId="admin-characters-table"
          look="plain"
          rows={rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `admin-character-${r.id}`}
          columns={columns}
          empty={query.isLoading ? "Loading…" : "No character matches."}
        />
      </section>
      <LoadMoreButton query={query} label={`Load more (${rows.length} of ${total})`} />
      {opened !== null && (
        <SectionTable
          key={opened}
          characterId={opened}
          onClose={() => setOpened(null)}
          refreshing={rows.some((r) => r.id === opened && r.status === "in_progress")}
        />
      )}
    </div>
  );
}
