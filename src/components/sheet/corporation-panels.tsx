import { EveName } from "~/components/eve-image";
import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { EmptyState } from "./empty-state";
import { formatEveTime, formatInteger } from "./format";

type CorporationSheet = RouterOutputs["sheet"]["corporation"]["get"];
const ROLE_LOCATION: Record<string, string> = {
  universal: "Everywhere",
  hq: "At headquarters",
  base: "At base",
  other: "Elsewhere",
};
const roleName = (role: string) => role.replace(/_/g, " ");

export function CorporationHistoryTable({
  history,
  imageBaseUrl,
}: {
  history: CorporationSheet["history"];
  imageBaseUrl: string;
}) {
  if (history.length === 0) return <EmptyState>No corporation history loaded yet.</EmptyState>;
  return (
    <Table
      caption="Corporation history"
      testId="corporation-history"
      rows={history}
      rowKey={(h) => h.recordId}
      columns={[
        {
          header: "Corporation",
          className: "text-slate-200",
          cell: (h) => (
            <>
              <EveName
                base={imageBaseUrl}
                kind="corporation"
                entity={{ id: h.corporationId, name: h.corporationName }}
              />
              {h.isDeleted && <span className="ml-2 text-xs text-red-300">(closed)</span>}
            </>
          ),
        },
        { header: "Joined", className: "text-slate-400", cell: (h) => formatEveTime(h.startDate) },
        {
          header: "Left",
          className: "text-slate-400",
          cell: (h) => (h.endDate ? formatEveTime(h.endDate) : "current"),
        },
        {
          header: "Duration",
          numeric: true,
          className: "text-slate-300",
          cell: (h) => `${formatInteger(h.durationDays)} days`,
        },
      ]}
    />
  );
}

export function TitlesAndRoles({ titles, roles }: Pick<CorporationSheet, "titles" | "roles">) {
  return (
    <div className="space-y-4">
      <div data-testid="corporation-titles">
        <h3 className="mb-2 text-sm font-semibold text-slate-300">Titles</h3>
        {titles.length === 0 ? (
          <p className="text-sm text-slate-400">No titles.</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {titles.map((t) => (
              <li key={t.titleId} className="rounded border border-ink-700 px-2 py-0.5 text-sm text-slate-200">
                {t.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      {/* Roles are only stored when the roles feature is on; without rows there is nothing to say. */}
      {roles.length > 0 && (
        <div data-testid="corporation-roles">
          <h3 className="mb-2 text-sm font-semibold text-slate-300">Roles</h3>
          {roles.map((group) => (
            <div key={group.location} className="mb-2">
              <p className="text-xs uppercase text-slate-400">{ROLE_LOCATION[group.location] ?? group.location}</p>
              <p className="text-sm text-slate-300">{group.roles.map(roleName).join(", ")}</p>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export function FactionWarfarePanel({ fw }: { fw: CorporationSheet["fw"] }) {
  if (!fw) return <EmptyState>No faction warfare statistics loaded yet.</EmptyState>;
  return (
    <div data-testid="fw-stats" className="space-y-3 text-sm">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
        <dt className="text-slate-400">Faction</dt>
        <dd className="text-slate-200">{fw.factionName ?? "Not enlisted"}</dd>
        <dt className="text-slate-400">Enlisted on</dt>
        <dd className="text-slate-300">{formatEveTime(fw.enlistedOn)}</dd>
        <dt className="text-slate-400">Current rank</dt>
        <dd className="text-slate-300">{fw.currentRank ?? "–"}</dd>
        <dt className="text-slate-400">Highest rank</dt>
        <dd className="text-slate-300">{fw.highestRank ?? "–"}</dd>
      </dl>
      <Table
        caption="Faction warfare kills and victory points"
        rows={[
          { label: "Kills", ...fw.kills },
          { label: "Victory points", ...fw.victoryPoints },
        ]}
        rowKey={(r) => r.label}
        columns={[
          {
            header: "Statistic",
            srOnly: true,
            rowHeader: true,
            className: "font-normal text-slate-400",
            cell: (r) => r.label,
          },
          { header: "Yesterday", numeric: true, className: "text-slate-300", cell: (r) => formatInteger(r.yesterday) },
          { header: "Last week", numeric: true, className: "text-slate-300", cell: (r) => formatInteger(r.lastWeek) },
          { header: "Total", numeric: true, className: "text-slate-300", cell: (r) => formatInteger(r.total) },
        ]}
      />
    </div>
  );
}
