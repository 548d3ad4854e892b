import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { EmptyState } from "./empty-state";
import { formatInteger } from "./format";

type StandingsSheet = RouterOutputs["sheet"]["standings"]["get"];
type StandingGroup = StandingsSheet["standings"][number]["group"];

const GROUP_ORDER: StandingGroup[] = ["Excellent", "Good", "Neutral", "Bad", "Terrible"];
const GROUP_COLOUR: Record<StandingGroup, string> = {
  Excellent: "text-sky-400",
  Good: "text-sky-200",
  Neutral: "text-slate-400",
  Bad: "text-orange-300",
  Terrible: "text-red-400",
};
const NPC_TYPE: Record<string, string> = { agent: "Agent", npc_corp: "Corporation", faction: "Faction" };

const signed = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

export function NpcStandingsTable({ standings }: { standings: StandingsSheet["standings"] }) {
  if (standings.length === 0) return <EmptyState>No NPC standings loaded yet.</EmptyState>;
  return (
    <Table
      caption="NPC standings"
      testId="npc-standings"
      groups={GROUP_ORDER.filter((g) => standings.some((s) => s.group === g)).map((group) => ({
        key: group,
        label: group,
        testId: `standing-group-${group.toLowerCase()}`,
        className: `bg-ink-950 text-xs font-semibold ${GROUP_COLOUR[group]}`,
        rows: standings.filter((s) => s.group === group),
      }))}
      rowKey={(s) => s.id}
      columns={[
        { header: "Name", className: "text-slate-200", cell: (s) => s.name },
        { header: "Type", className: "text-slate-400", cell: (s) => NPC_TYPE[s.type] ?? s.type },
        { header: "Standing", numeric: true, className: (s) => GROUP_COLOUR[s.group], cell: (s) => signed(s.standing) },
        {
          header: "Effective",
          headerTitle: "With Connections (positive) or Diplomacy (negative) applied",
          numeric: true,
          className: "text-slate-300",
          cell: (s) => signed(s.effectiveStanding),
        },
      ]}
    />
  );
}

export function LoyaltyTable({ loyalty }: { loyalty: StandingsSheet["loyalty"] }) {
  if (loyalty.length === 0) return <EmptyState>No loyalty points.</EmptyState>;
  return (
    <Table
      caption="Loyalty points"
      testId="loyalty-points"
      rows={loyalty}
      rowKey={(l) => l.corporationId}
      columns={[
        { header: "Corporation", className: "text-slate-200", cell: (l) => l.corporationName },
        {
          header: "Loyalty points",
          numeric: true,
          className: "text-slate-300",
          cell: (l) => formatInteger(l.loyaltyPoints),
        },
      ]}
    />
  );
}
