"use client";
// Kills and losses: the first page comes rendered from the server; the filter and
// later pages go through the tRPC cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { EmptyState } from "./empty-state";
import { formatEveTime, formatIsk } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";

type Kind = "all" | "kills" | "losses";
const PAGE = 50;

export function KillmailsTable({
  characterId,
  first,
}: {
  characterId: number;
  first: RouterOutputs["sheet"]["killmails"]["list"];
}) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind>("all");
  const query = useInfiniteQuery(
    trpc.sheet.killmails.list.infiniteQueryOptions(
      { characterId, limit: PAGE, kind },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: kind === "all" ? { pages: [first], pageParams: [null] } : undefined,
      },
    ),
  );
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  return (
    <div>
      <fieldset className="mb-3 flex gap-2">
        <legend className="sr-only">Show</legend>
        {(["all", "kills", "losses"] as const).map((k) => (
          <label
            key={k}
            className={`cursor-pointer rounded border px-3 py-1 text-sm capitalize has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-400 ${kind === k ? "border-sky-600 text-sky-200" : "border-ink-700 text-slate-400 hover:bg-ink-800"}`}
          >
            <input
              type="radio"
              name="killmail-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              className="sr-only"
            />
            {k}
          </label>
        ))}
      </fieldset>
      {rows.length === 0 ? (
        <EmptyState>{query.isLoading ? "Loading…" : "No killmails."}</EmptyState>
      ) : (
        <Table
          caption="Kills and losses"
          testId="killmails-table"
          rows={rows}
          rowKey={(k) => k.killmailId}
          rowTestId={(k) => `killmail-${k.killmailId}`}
          columns={[
            { header: "Time", className: "text-slate-400", cell: (k) => formatEveTime(k.time) },
            {
              header: "Kill or loss",
              srOnly: true,
              className: (k) => `text-xs font-semibold ${k.isLoss ? "text-red-300" : "text-emerald-300"}`,
              cell: (k) => (k.isLoss ? "LOSS" : "KILL"),
            },
            { header: "Ship", className: "text-slate-200", cell: (k) => k.shipTypeName },
            { header: "Victim", className: "text-slate-300", cell: (k) => k.victimName ?? "–" },
            { header: "Final blow", className: "text-slate-300", cell: (k) => k.finalBlowName ?? "–" },
            { header: "System", className: "text-slate-400", cell: (k) => k.solarSystemName },
            { header: "Attackers", numeric: true, className: "text-slate-300", cell: (k) => k.attackerCount },
            {
              header: "Value",
              headerTitle:
                "What the victim lost (hull, fitting, cargo and container contents) at average market prices",
              numeric: true,
              className: "text-slate-300",
              title: (k) =>
                k.valueIncludesItems
                  ? `Hull ${formatIsk(k.shipValue)}`
                  : "Hull only: stored before lost items were kept",
              cell: (k) => (
                <>
                  {formatIsk(k.value)}
                  {k.valueIncludesItems ? null : <span className="text-slate-400">*</span>}
                </>
              ),
            },
          ]}
        />
      )}
      <LoadMoreButton query={query} testId="killmails-more" className="mt-3" />
    </div>
  );
}
