"use client";
// Kills and losses: the first page comes rendered from the server; the filter and
// later pages go through the tRPC cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { KillmailRow } from "~/server/sheet/killmails";
import { useTRPC } from "~/trpc/client";
import { EmptyState } from "./empty-state";
import { formatEveTime, formatIsk } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";

type Kind = "all" | "kills" | "losses";
const cell = "px-3 py-1.5";
const PAGE = 50;

export function KillmailsTable({
  characterId,
  first,
}: {
  characterId: number;
  first: { rows: KillmailRow[]; nextCursor: string | null };
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
        <table className="w-full text-sm" data-testid="killmails-table">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className={cell}>Time</th>
              <th className={cell} />
              <th className={cell}>Ship</th>
              <th className={cell}>Victim</th>
              <th className={cell}>Final blow</th>
              <th className={cell}>System</th>
              <th className={`${cell} text-right`}>Attackers</th>
              <th
                className={`${cell} text-right`}
                title="What the victim lost (hull, fitting, cargo and container contents) at average market prices"
              >
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((k) => (
              <tr key={k.killmailId} className="border-t border-ink-700" data-testid={`killmail-${k.killmailId}`}>
                <td className={`${cell} text-slate-400`}>{formatEveTime(k.time)}</td>
                <td className={`${cell} text-xs font-semibold ${k.isLoss ? "text-red-300" : "text-emerald-300"}`}>
                  {k.isLoss ? "LOSS" : "KILL"}
                </td>
                <td className={`${cell} text-slate-200`}>{k.shipTypeName}</td>
                <td className={`${cell} text-slate-300`}>{k.victimName ?? "–"}</td>
                <td className={`${cell} text-slate-300`}>{k.finalBlowName ?? "–"}</td>
                <td className={`${cell} text-slate-400`}>{k.solarSystemName}</td>
                <td className={`${cell} text-right tabular-nums text-slate-300`}>{k.attackerCount}</td>
                <td
                  className={`${cell} text-right tabular-nums text-slate-300`}
                  title={
                    k.valueIncludesItems
                      ? `Hull ${formatIsk(k.shipValue)}`
                      : "Hull only: stored before lost items were kept"
                  }
                >
                  {formatIsk(k.value)}
                  {k.valueIncludesItems ? null : <span className="text-slate-500">*</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMoreButton query={query} testId="killmails-more" className="mt-3" />
    </div>
  );
}
