import type { CorporationSheet } from "~/server/sheet/corporation";
import { EmptyState } from "./empty-state";
import { formatEveTime, formatInteger } from "./format";

const cell = "px-3 py-1.5";
const ROLE_LOCATION: Record<string, string> = {
  universal: "Everywhere",
  hq: "At headquarters",
  base: "At base",
  other: "Elsewhere",
};
const roleName = (role: string) => role.replace(/_/g, " ");

export function CorporationHistoryTable({ history }: { history: CorporationSheet["history"] }) {
  if (history.length === 0) return <EmptyState>No corporation history loaded yet.</EmptyState>;
  return (
    <table className="w-full text-sm" data-testid="corporation-history">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className={cell}>Corporation</th>
          <th className={cell}>Joined</th>
          <th className={cell}>Left</th>
          <th className={`${cell} text-right`}>Duration</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.recordId} className="border-t border-ink-700">
            <td className={`${cell} text-slate-200`}>
              {h.corporationName}
              {h.isDeleted && <span className="ml-2 text-xs text-red-300">(closed)</span>}
            </td>
            <td className={`${cell} text-slate-400`}>{formatEveTime(h.startDate)}</td>
            <td className={`${cell} text-slate-400`}>{h.endDate ? formatEveTime(h.endDate) : "current"}</td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>{formatInteger(h.durationDays)} days</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TitlesAndRoles({ titles, roles }: Pick<CorporationSheet, "titles" | "roles">) {
  return (
    <div className="space-y-4">
      <div data-testid="corporation-titles">
        <h3 className="mb-2 text-sm font-semibold text-slate-300">Titles</h3>
        {titles.length === 0 ? (
          <p className="text-sm text-slate-500">No titles.</p>
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
              <p className="text-xs uppercase text-slate-500">{ROLE_LOCATION[group.location] ?? group.location}</p>
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
        <dt className="text-slate-500">Faction</dt>
        <dd className="text-slate-200">{fw.factionName ?? "Not enlisted"}</dd>
        <dt className="text-slate-500">Enlisted on</dt>
        <dd className="text-slate-300">{formatEveTime(fw.enlistedOn)}</dd>
        <dt className="text-slate-500">Current rank</dt>
        <dd className="text-slate-300">{fw.currentRank ?? "–"}</dd>
        <dt className="text-slate-500">Highest rank</dt>
        <dd className="text-slate-300">{fw.highestRank ?? "–"}</dd>
      </dl>
      <table className="w-full">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className={cell} />
            <th className={`${cell} text-right`}>Yesterday</th>
            <th className={`${cell} text-right`}>Last week</th>
            <th className={`${cell} text-right`}>Total</th>
          </tr>
        </thead>
        <tbody className="tabular-nums text-slate-300">
          {(
            [
              ["Kills", fw.kills],
              ["Victory points", fw.victoryPoints],
            ] as const
          ).map(([label, v]) => (
            <tr key={label} className="border-t border-ink-700">
              <th className={`${cell} text-left font-normal text-slate-400`}>{label}</th>
              <td className={`${cell} text-right`}>{formatInteger(v.yesterday)}</td>
              <td className={`${cell} text-right`}>{formatInteger(v.lastWeek)}</td>
              <td className={`${cell} text-right`}>{formatInteger(v.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
