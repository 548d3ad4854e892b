"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import type { FinderInput } from "~/server/finder/character-finder";
import { useTRPC } from "~/trpc/client";
import { LoadMoreButton } from "~/components/load-more-button";
import { ErrorMessage } from "~/components/error-message";

type Sort = NonNullable<FinderInput["sort"]>;
interface Row {
  id: number;
  name: string;
  corporation: { id: number; name: string | null } | null;
  alliance: { id: number; name: string | null } | null;
  isRegistered: boolean;
  isShared: boolean;
  isOrphan: boolean;
  isMain: boolean;
  main: { id: number; name: string; corporationName: string | null; allianceName: string | null } | null;
  canView: boolean;
}

const SORTABLE: Record<string, Sort> = { name: "name", corporation: "corporation", alliance: "alliance", main: "main" };

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

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "name",
        header: "Character",
        cell: ({ row: { original: r } }) => (
          <span className="flex items-center gap-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- EVE's image server */}
            <img
              src={`${imageBaseUrl}/characters/${r.id}/portrait?size=32`}
              alt=""
              width={24}
              height={24}
              className="rounded"
            />
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
            {!r.isRegistered && <span className="text-xs text-slate-500">unregistered</span>}
            {r.isOrphan && <span className="text-xs text-red-300">[orphan]</span>}
          </span>
        ),
      },
      { id: "corporation", header: "Corporation", cell: ({ row: { original: r } }) => r.corporation?.name ?? "—" },
      { id: "alliance", header: "Alliance", cell: ({ row: { original: r } }) => r.alliance?.name ?? "—" },
      { id: "main", header: "Main", cell: ({ row: { original: r } }) => r.main?.name ?? "—" },
      {
        id: "mainOrg",
        header: "Main's corporation",
        cell: ({ row: { original: r } }) => r.main?.corporationName ?? "—",
      },
    ],
    [imageBaseUrl],
  );
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
  });

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
      <table className="w-full text-left text-sm" data-testid="finder-table">
        <thead className="text-slate-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const key = SORTABLE[header.column.id];
                const active = key && sort.sort === key;
                return (
                  <th key={header.id} className="py-2 pr-4">
                    {key ? (
                      <button
                        type="button"
                        onClick={() => setSort({ sort: key, order: active && sort.order === "asc" ? "desc" : "asc" })}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}{" "}
                        {active ? (sort.order === "asc" ? "▲" : "▼") : ""}
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-t border-ink-700" data-testid={`finder-row-${row.original.id}`}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="py-1.5 pr-4">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMoreButton query={query} label={`Load more (${rows.length} of ${total})`} />
    </div>
  );
}
