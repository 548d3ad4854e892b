"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { type Column, Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";
import { LoadMoreButton } from "~/components/load-more-button";
import { ErrorMessage } from "~/components/error-message";
import { EveImage, EveName } from "~/components/eve-image";

type FinderInput = RouterInputs["finder"]["search"];
type Sort = NonNullable<FinderInput["sort"]>;
type Row = RouterOutputs["finder"]["search"]["rows"][number];

export function CharacterFinder({ imageBaseUrl }: { imageBaseUrl: string }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search);
  const [sort, setSort] = useState<{ sort: Sort; order: "asc" | "desc" }>({ sort: "name", order: "asc" });
  const [corporationId, setCorporationId] = useState<number | undefined>();
  const [allianceId, setAllianceId] = useState<number | undefined>();
  const [status, setStatus] = useState<FinderInput["status"]>();
  const options = useQuery(trpc.finder.filterOptions.queryOptions());
  const query = useInfiniteQuery(
    trpc.finder.search.infiniteQueryOptions(
      { limit: 50, search: deferredSearch || undefined, corporationId, allianceId, status, ...sort },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;

  // The server sorts (the list is paged), so a header click only changes the query.
  const sortable = (key: Sort): Column<Row>["sort"] => {
    const active = sort.sort === key;
    return {
      direction: active ? sort.order : null,
      onSort: () => setSort({ sort: key, order: active && sort.order === "asc" ? "desc" : "asc" }),
    };
  };
  const columns: Column<Row>[] = [
    {
      header: "Character",
      sort: sortable("name"),
      cell: (r) => (
        <span className="flex items-center gap-2">
          <EveImage base={imageBaseUrl} kind="character" id={r.id} size={24} alt="" />
          {r.canView ? (
            <Link href={`/characters/${r.id}`} className="text-sky-300 hover:underline">
              {r.name}
            </Link>
          ) : (
            <span className="text-slate-200">{r.name}</span>
          )}
          {r.isMain && (
            <span title="main" className="text-xs text-amber-300">
              main
            </span>
          )}
          {r.isShared && <span className="text-xs text-emerald-300">shared</span>}
          {!r.isRegistered && <span className="text-xs text-slate-400">unregistered</span>}
          {r.isOrphan && <span className="text-xs text-red-300">[orphan]</span>}
        </span>
      ),
    },
    {
      header: "Corporation",
      sort: sortable("corporation"),
      cell: (r) => <EveName base={imageBaseUrl} kind="corporation" entity={r.corporation} />,
    },
    {
      header: "Alliance",
      sort: sortable("alliance"),
      cell: (r) => <EveName base={imageBaseUrl} kind="alliance" entity={r.alliance} />,
    },
    {
      header: "Main",
      sort: sortable("main"),
      cell: (r) => <EveName base={imageBaseUrl} kind="character" entity={r.main} />,
    },
    { header: "Main's corporation", cell: (r) => r.main?.corporationName ?? "—" },
  ];

  const select = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        <input
          aria-label="Search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Character or main name"
          className={`${select} w-64`}
        />
        <select
          aria-label="Corporation"
          className={select}
          value={corporationId ?? ""}
          onChange={(e) => setCorporationId(e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">All corporations</option>
          {options.data?.corporations.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Alliance"
          className={select}
          value={allianceId ?? ""}
          onChange={(e) => setAllianceId(e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">All alliances</option>
          {options.data?.alliances.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Status"
          className={select}
          value={status ?? ""}
          onChange={(e) => setStatus((e.target.value || undefined) as FinderInput["status"])}
        >
          <option value="">Any status</option>
          <option value="registered">Registered</option>
          <option value="unregistered">Unregistered</option>
          <option value="shared">Shared</option>
          <option value="orphan">Orphan</option>
        </select>
        <span className="self-center text-sm text-slate-400" data-testid="finder-total">
          {total} characters
        </span>
      </div>
      <ErrorMessage error={query.error} />
      <Table
        caption="Characters"
        testId="finder-table"
        look="plain"
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId={(r) => `finder-row-${r.id}`}
        columns={columns}
      />
      <LoadMoreButton query={query} label={`Load more (${rows.length} of ${total})`} />
    </div>
  );
}
