"use client";
// The assets tab: the tree of locations (rendered by the server) or, once something is
// typed in the search box, the matching items with their path.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { ASSETS_PAGE, type AssetLocation, isk, itemLabel, LocationRow, ShowMore } from "./assets-tree";
import { treeFocus, treeKeys } from "./tree-keys";
import { formatInteger, formatVolume } from "./format";

function SearchResults({ characterId, query }: { characterId: number; query: string }) {
  const trpc = useTRPC();
  const search = useInfiniteQuery(
    trpc.sheet.assets.search.infiniteQueryOptions(
      { characterId, query, limit: ASSETS_PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  if (search.isPending) return <p className="text-sm text-slate-400">Searching…</p>;
  if (search.error) return <p className="text-sm text-red-300">{search.error.message}</p>;
  const rows = search.data.pages.flatMap((p) => p.rows);
  const total = search.data.pages[0]?.total ?? rows.length;
  return (
    <div data-testid="assets-search-results">
      <p className="mb-2 text-sm text-slate-400">{formatInteger(total)} matching items</p>
      <Table
        caption="Matching items"
        look="plain"
        density="compact"
        rows={rows}
        rowKey={(row) => row.itemId}
        columns={[
          {
            header: "Item",
            className: "text-slate-200",
            cell: (row) => (
              <>
                {itemLabel(row)}
                {row.name && <span className="ml-2 text-xs text-slate-400">{row.typeName}</span>}
              </>
            ),
          },
          {
            header: "Where",
            className: "text-slate-400",
            cell: (row) => [row.location.name, ...row.containers.map((c) => c.label)].join(" › "),
          },
          {
            header: "Quantity",
            numeric: true,
            className: "text-slate-300",
            cell: (row) => (row.isSingleton ? "" : formatInteger(row.quantity)),
          },
        ]}
      />
      <ShowMore query={search} shown={rows.length} total={total} className="mt-2" />
    </div>
  );
}

export function AssetsBrowser({
  characterId,
  totals,
  locations,
}: {
  characterId: number;
  totals: RouterOutputs["sheet"]["assets"]["locations"]["totals"];
  locations: readonly AssetLocation[];
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
        <ul
          data-testid="assets-tree"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA tree pattern is a list given tree roles (./tree-keys.ts)
          role="tree"
          aria-label="Assets by location"
          onKeyDown={treeKeys}
          onFocus={treeFocus}
        >
          {locations.map((location, i) => (
            <LocationRow key={location.id} characterId={characterId} location={location} first={i === 0} />
          ))}
        </ul>
      )}
    </div>
  );
}
