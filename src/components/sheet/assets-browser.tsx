"use client";
// The assets tree: locations (rendered by the server) open to their top-level items,
// containers and ships open to their contents, one level per tRPC call with "load
// more" paging; a search box lists matching items with their path instead.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import type { AssetLocationSummary, AssetRow, AssetTotals } from "~/server/sheet/assets";
import { useTRPC } from "~/trpc/client";
import { formatCompact, formatInteger, formatVolume } from "./format";

const isk = (n: number) => `${formatCompact(n)} ISK`;

const PAGE = 100;

function itemLabel(row: AssetRow): string {
  return `${row.name ?? row.typeName}${row.isBlueprintCopy ? " [BPC]" : ""}`;
}

function Toggle({ open, onClick, label }: { open: boolean; onClick: () => void; label: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-expanded={open}
      aria-label={`${open ? "Close" : "Open"} ${label}`}
      className="w-5 text-slate-400 hover:text-slate-100"
    >
      {open ? "▾" : "▸"}
    </button>
  );
}

function Level({
  characterId,
  scope,
  depth,
}: {
  characterId: number;
  scope: { locationId: number } | { parentItemId: number };
  depth: number;
}) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.sheet.assets.children.infiniteQueryOptions(
      { characterId, limit: PAGE, ...scope },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  if (query.isPending)
    return (
      <p className="py-1 text-sm text-slate-500" style={{ paddingLeft: `${depth * 1.25}rem` }}>
        Loading…
      </p>
    );
  if (query.error) return <p className="py-1 text-sm text-red-300">{query.error.message}</p>;
  const rows = query.data.pages.flatMap((p) => p.rows);
  const total = query.data.pages[0]?.total ?? rows.length;
  return (
    <ul>
      {rows.map((row) => (
        <AssetItem key={row.itemId} characterId={characterId} row={row} depth={depth} />
      ))}
      {query.hasNextPage && (
        <li style={{ paddingLeft: `${depth * 1.25 + 1.25}rem` }}>
          <button
            type="button"
            className="py-1 text-sm text-sky-300 hover:underline"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage
              ? "Loading…"
              : `Show more (${formatInteger(rows.length)} of ${formatInteger(total)})`}
          </button>
        </li>
      )}
    </ul>
  );
}

function AssetItem({ characterId, row, depth }: { characterId: number; row: AssetRow; depth: number }) {
  const [open, setOpen] = useState(false);
  const label = itemLabel(row);
  return (
    <li data-testid={`asset-${row.itemId}`}>
      <div
        className="flex items-center gap-2 border-b border-ink-800 py-1 text-sm"
        style={{ paddingLeft: `${depth * 1.25}rem` }}
      >
        {row.childCount > 0 ? (
          <Toggle open={open} onClick={() => setOpen(!open)} label={label} />
        ) : (
          <span className="w-5" />
        )}
        <span className="min-w-0 flex-1 truncate text-slate-200">
          {label}
          {row.name && <span className="ml-2 text-xs text-slate-500">{row.typeName}</span>}
          {row.childCount > 0 && <span className="ml-2 text-xs text-slate-500">({formatInteger(row.childCount)})</span>}
        </span>
        <span className="w-28 truncate text-xs text-slate-500">{row.groupName ?? ""}</span>
        <span className="w-24 truncate text-xs text-slate-500">{row.locationFlag}</span>
        <span className="w-20 text-right tabular-nums text-slate-300">
          {row.isSingleton ? "" : formatInteger(row.quantity)}
        </span>
        <span className="w-28 text-right tabular-nums text-slate-400">
          {row.volume === null ? "–" : formatVolume(row.volume * row.quantity)}
        </span>
        <span className="w-24 text-right tabular-nums text-slate-400" title="At average market prices">
          {row.price === null ? "–" : isk(row.price * row.quantity)}
        </span>
      </div>
      {open && <Level characterId={characterId} scope={{ parentItemId: row.itemId }} depth={depth + 1} />}
    </li>
  );
}

function LocationRow({ characterId, location }: { characterId: number; location: AssetLocationSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <li data-testid={`asset-location-${location.id}`}>
      <div className="flex items-center gap-2 border-b border-ink-700 py-2">
        <Toggle open={open} onClick={() => setOpen(!open)} label={location.name} />
        <span
          className={`min-w-0 flex-1 truncate font-medium ${location.isKnown ? "text-slate-100" : "text-slate-400"}`}
        >
          {location.name}
        </span>
        <span className="text-sm text-slate-400">
          {formatInteger(location.items)} items · {formatVolume(location.volume)} · {isk(location.value)}
        </span>
      </div>
      {open && <Level characterId={characterId} scope={{ locationId: location.id }} depth={1} />}
    </li>
  );
}

function SearchResults({ characterId, query }: { characterId: number; query: string }) {
  const trpc = useTRPC();
  const search = useInfiniteQuery(
    trpc.sheet.assets.search.infiniteQueryOptions(
      { characterId, query, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  if (search.isPending) return <p className="text-sm text-slate-500">Searching…</p>;
  if (search.error) return <p className="text-sm text-red-300">{search.error.message}</p>;
  const rows = search.data.pages.flatMap((p) => p.rows);
  const total = search.data.pages[0]?.total ?? rows.length;
  return (
    <div data-testid="assets-search-results">
      <p className="mb-2 text-sm text-slate-400">{formatInteger(total)} matching items</p>
      <table className="w-full text-left text-sm">
        <thead className="text-slate-400">
          <tr>
            <th className="py-1 pr-4">Item</th>
            <th className="py-1 pr-4">Where</th>
            <th className="py-1 pr-4 text-right">Quantity</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.itemId} className="border-t border-ink-800">
              <td className="py-1 pr-4 text-slate-200">
                {itemLabel(row)}
                {row.name && <span className="ml-2 text-xs text-slate-500">{row.typeName}</span>}
              </td>
              <td className="py-1 pr-4 text-slate-400">
                {[row.location.name, ...row.containers.map((c) => c.label)].join(" › ")}
              </td>
              <td className="py-1 pr-4 text-right tabular-nums text-slate-300">
                {row.isSingleton ? "" : formatInteger(row.quantity)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {search.hasNextPage && (
        <button
          type="button"
          className="mt-2 text-sm text-sky-300 hover:underline"
          disabled={search.isFetchingNextPage}
          onClick={() => void search.fetchNextPage()}
        >
          {search.isFetchingNextPage
            ? "Loading…"
            : `Show more (${formatInteger(rows.length)} of ${formatInteger(total)})`}
        </button>
      )}
    </div>
  );
}

export function AssetsBrowser({
  characterId,
  totals,
  locations,
}: {
  characterId: number;
  totals: AssetTotals;
  locations: AssetLocationSummary[];
}) {
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim());
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <input
          aria-label="Search assets"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Search by type or name"
          className="w-72 rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm"
        />
        <p className="text-sm text-slate-400" data-testid="assets-totals">
          {formatInteger(totals.items)} items · {formatInteger(totals.quantity)} units · {formatVolume(totals.volume)}
          {totals.itemsWithoutVolume > 0 && ` (volume unknown for ${formatInteger(totals.itemsWithoutVolume)})`} ·{" "}
          {isk(totals.value)} at average market prices · {locations.length} locations
        </p>
      </div>
      {query.length > 0 ? (
        <SearchResults characterId={characterId} query={query} />
      ) : (
        <ul data-testid="assets-tree">
          {locations.map((location) => (
            <LocationRow key={location.id} characterId={characterId} location={location} />
          ))}
        </ul>
      )}
    </div>
  );
}
