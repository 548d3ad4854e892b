"use client";
// The assets tree: a location opens to its top-level items, containers and ships open to
// their contents, one level per tRPC call with "show more" paging. It is a WAI-ARIA tree
// (docs/accessibility.md): one tab stop, arrow keys move and open (./tree-keys.ts).
import { useInfiniteQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useState } from "react";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { formatCompact, formatInteger, formatVolume } from "./format";

export type AssetLocation = RouterOutputs["sheet"]["assets"]["locations"]["locations"][number];
type AssetRow = RouterOutputs["sheet"]["assets"]["children"]["rows"][number];

export const ASSETS_PAGE = 100;
/** A tree item's focus ring sits on its own row. */
const TREE_ITEM =
  "outline-none [&:focus-visible>div]:outline [&:focus-visible>div]:outline-2 [&:focus-visible>div]:outline-sky-400";
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

/** The open/closed mark; the row itself is what a click or the keyboard opens (the tree item holds the state). */
function Toggle({ open }: { open: boolean }) {
  return (
    <span aria-hidden="true" className="w-5 shrink-0 text-slate-400">
      {open ? "▾" : "▸"}
    </span>
  );
}

/** Right and Left open and close an item, Enter and Space toggle it; moving between items is the tree's (treeKeys). */
function itemKeys(open: boolean, setOpen: (open: boolean) => void, expandable: boolean) {
  return (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget || !expandable) return;
    if ((e.key === "ArrowRight" && !open) || (e.key === "ArrowLeft" && open) || e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      e.stopPropagation();
      setOpen(!open);
    }
  };
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
    // biome-ignore lint/a11y/useSemanticElements: a tree item's children are a group of tree items, not a fieldset (WAI-ARIA tree pattern)
    <ul role="group">
      {rows.map((row) => (
        <AssetItem key={row.itemId} characterId={characterId} row={row} depth={depth} />
      ))}
      {query.hasNextPage && (
        <li role="none" style={{ paddingLeft: `${depth * 1.25 + 1.25}rem` }}>
          <ShowMore query={query} shown={rows.length} total={total} className="py-1" />
        </li>
      )}
    </ul>
  );
}

function AssetItem({ characterId, row, depth }: { characterId: number; row: AssetRow; depth: number }) {
  const [open, setOpen] = useState(false);
  const label = itemLabel(row);
  const expandable = row.childCount > 0;
  return (
    <li
      data-testid={`asset-${row.itemId}`}
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={expandable ? open : undefined}
      aria-selected={false}
      tabIndex={-1}
      onKeyDown={itemKeys(open, setOpen, expandable)}
      className={TREE_ITEM}
    >
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the tree item holds the keys (itemKeys) */}
      <div
        className={`flex items-center gap-2 border-b border-ink-800 py-1 text-sm ${expandable ? "cursor-pointer" : ""}`}
        style={{ paddingLeft: `${depth * 1.25}rem` }}
        onClick={expandable ? () => setOpen(!open) : undefined}
      >
        {expandable ? <Toggle open={open} /> : <span className="w-5 shrink-0" />}
        <span className="min-w-0 flex-1 break-words text-slate-200">
          {label}
          {row.name && <span className="ml-2 text-xs text-slate-400">{row.typeName}</span>}
          {row.childCount > 0 && <span className="ml-2 text-xs text-slate-400">({formatInteger(row.childCount)})</span>}
        </span>
        <span className="hidden w-28 truncate text-xs text-slate-400 sm:inline-block">{row.groupName ?? ""}</span>
        <span className="hidden w-24 truncate text-xs text-slate-400 sm:inline-block">{row.locationFlag}</span>
        <span className="w-20 text-right tabular-nums text-slate-300">
          {row.isSingleton ? "" : formatInteger(row.quantity)}
        </span>
        <span className="hidden w-28 text-right tabular-nums text-slate-400 sm:inline-block">
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

/** `first`: the tree's tab stop until the keyboard moves it (treeFocus). */
export function LocationRow({
  characterId,
  location,
  first,
}: {
  characterId: number;
  location: AssetLocation;
  first: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li
      data-testid={`asset-location-${location.id}`}
      role="treeitem"
      aria-level={1}
      aria-expanded={open}
      aria-selected={false}
      tabIndex={first ? 0 : -1}
      onKeyDown={itemKeys(open, setOpen, true)}
      className={TREE_ITEM}
    >
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the tree item holds the keys (itemKeys) */}
      <div
        className="flex cursor-pointer flex-wrap items-center gap-2 border-b border-ink-700 py-2"
        onClick={() => setOpen(!open)}
      >
        <Toggle open={open} />
        <span
          className={`min-w-0 flex-1 break-words font-medium ${location.isKnown ? "text-slate-100" : "text-slate-400"}`}
        >
          {location.name}
        </span>
        {/* On a phone the totals take a line of their own, so the name keeps the row's width. */}
        <span className="w-full pl-7 text-sm text-slate-400 sm:w-auto sm:pl-0">
          {formatInteger(location.items)} items · {formatVolume(location.volume)} · {isk(location.value)}
        </span>
      </div>
      {open && <Level characterId={characterId} scope={{ locationId: location.id }} depth={1} />}
    </li>
  );
}
