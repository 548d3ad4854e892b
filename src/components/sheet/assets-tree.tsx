"use client";
// The assets tree: a location opens to its top-level items, containers and ships open to
// their contents, one level per tRPC call with "show more" paging.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { formatCompact, formatInteger, formatVolume } from "./format";

export type AssetLocation = RouterOutputs["sheet"]["assets"]["locations"]["locations"][number];
type AssetRow = RouterOutputs["sheet"]["assets"]["children"]["rows"][number];

export const ASSETS_PAGE = 100;
export const isk = (n: number) => `${formatCompact(n)} ISK`;

export function itemLabel(row: AssetRow): string {
  return `${row.name ?? row.typeName}${row.isBlueprintCopy ? " [BPC]" : ""}`;
}

/** Lighter than LoadMoreButton: it sits among the tree's rows. */
export function ShowMore({
  query,
  shown,
  total,
  className,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  shown: number;
  total: number;
  className: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className={`text-sm text-sky-300 hover:underline ${className}`}
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? "Loading…" : `Show more (${formatInteger(shown)} of ${formatInteger(total)})`}
    </button>
  );
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
      { characterId, limit: ASSETS_PAGE, ...scope },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  if (query.isPending)
    return (
      <p className="py-1 text-sm text-slate-400" style={{ paddingLeft: `${depth * 1.25}rem` }}>
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
          <ShowMore query={query} shown={rows.length} total={total} className="py-1" />
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
          {row.name && <span className="ml-2 text-xs text-slate-400">{row.typeName}</span>}
          {row.childCount > 0 && <span className="ml-2 text-xs text-slate-400">({formatInteger(row.childCount)})</span>}
        </span>
        <span className="w-28 truncate text-xs text-slate-400">{row.groupName ?? ""}</span>
        <span className="w-24 truncate text-xs text-slate-400">{row.locationFlag}</span>
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

export function LocationRow({ characterId, location }: { characterId: number; location: AssetLocation }) {
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
