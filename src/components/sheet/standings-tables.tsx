import type { LoyaltyRow, NpcStanding, StandingGroup } from "~/server/sheet/standings";
import { EmptyState } from "./empty-state";
import { formatInteger } from "./format";

const GROUP_ORDER: StandingGroup[] = ["Excellent", "Good", "Neutral", "Bad", "Terrible"];
const GROUP_COLOUR: Record<StandingGroup, string> = {
  Excellent: "text-sky-400",
  Good: "text-sky-200",
  Neutral: "text-slate-400",
  Bad: "text-orange-300",
  Terrible: "text-red-400",
};
const NPC_TYPE: Record<string, string> = { agent: "Agent", npc_corp: "Corporation", faction: "Faction" };

const cell = "px-3 py-1.5";
const signed = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

export function NpcStandingsTable({ standings }: { standings: NpcStanding[] }) {
  if (standings.length === 0) return <EmptyState>No NPC standings loaded yet.</EmptyState>;
  return (
    <table className="w-full text-sm" data-testid="npc-standings">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className={cell}>Name</th>
          <th className={cell}>Type</th>
          <th className={`${cell} text-right`}>Standing</th>
          <th className={`${cell} text-right`} title="With Connections (positive) or Diplomacy (negative) applied">
            Effective
          </th>
        </tr>
      </thead>
      {GROUP_ORDER.filter((g) => standings.some((s) => s.group === g)).map((group) => (
        <tbody key={group} data-testid={`standing-group-${group.toLowerCase()}`}>
          <tr>
            <th colSpan={4} className={`${cell} bg-ink-950 text-left text-xs font-semibold ${GROUP_COLOUR[group]}`}>
              {group}
            </th>
          </tr>
          {standings
            .filter((s) => s.group === group)
            .map((s) => (
              <tr key={s.id} className="border-t border-ink-700">
                <td className={`${cell} text-slate-200`}>{s.name}</td>
                <td className={`${cell} text-slate-400`}>{NPC_TYPE[s.type] ?? s.type}</td>
                <td className={`${cell} text-right tabular-nums ${GROUP_COLOUR[group]}`}>{signed(s.standing)}</td>
                <td className={`${cell} text-right tabular-nums text-slate-300`}>{signed(s.effectiveStanding)}</td>
              </tr>
            ))}
        </tbody>
      ))}
    </table>
  );
}

export function LoyaltyTable({ loyalty }: { loyalty: LoyaltyRow[] }) {
  if (loyalty.length === 0) return <EmptyState>No loyalty points.</EmptyState>;
  return (
    <table className="w-full text-sm" data-testid="loyalty-points">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className={cell}>Corporation</th>
          <th className={`${cell} text-right`}>Loyalty points</th>
        </tr>
      </thead>
      <tbody>
        {loyalty.map((l) => (
          <tr key={l.corporationId} className="border-t border-ink-700">
            <td className={`${cell} text-slate-200`}>{l.corporationName}</td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>{formatInteger(l.loyaltyPoints)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
