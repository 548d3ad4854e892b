import type { ColonyRow } from "~/server/sheet/planets";
import { EmptyState } from "./empty-state";
import { formatEveTime } from "./format";

const ROMAN = ["0", "I", "II", "III", "IV", "V"];
const cell = "px-3 py-1.5";

export function PlanetsTable({ colonies }: { colonies: ColonyRow[] }) {
  if (colonies.length === 0) return <EmptyState>No planetary colonies.</EmptyState>;
  return (
    <table className="w-full text-sm" data-testid="planets-table">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className={cell}>Planet</th>
          <th className={cell}>Type</th>
          <th className={cell}>Solar system</th>
          <th className={`${cell} text-right`}>Installations</th>
          <th className={`${cell} text-right`}>Upgrade level</th>
          <th className={cell}>Last update</th>
        </tr>
      </thead>
      <tbody>
        {colonies.map((c) => (
          <tr key={c.planetId} className="border-t border-ink-700" data-testid={`planet-${c.planetId}`}>
            <td className={`${cell} text-slate-200`}>{c.planetName}</td>
            <td className={`${cell} capitalize text-slate-300`}>{c.planetType}</td>
            <td className={`${cell} text-slate-300`}>{c.solarSystemName}</td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>{c.numPins}</td>
            <td className={`${cell} text-right text-slate-300`}>{ROMAN[c.upgradeLevel] ?? c.upgradeLevel}</td>
            <td className={`${cell} text-slate-400`}>{formatEveTime(c.lastUpdate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
