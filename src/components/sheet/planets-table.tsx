import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { EmptyState } from "./empty-state";
import { formatEveTime } from "./format";

const ROMAN = ["0", "I", "II", "III", "IV", "V"];

export function PlanetsTable({ colonies }: { colonies: RouterOutputs["sheet"]["planets"]["colonies"] }) {
  if (colonies.length === 0) return <EmptyState>No planetary colonies.</EmptyState>;
  return (
    <Table
      caption="Planetary colonies"
      testId="planets-table"
      rows={colonies}
      rowKey={(c) => c.planetId}
      rowTestId={(c) => `planet-${c.planetId}`}
      columns={[
        { header: "Planet", className: "text-slate-200", cell: (c) => c.planetName },
        { header: "Type", className: "capitalize text-slate-300", cell: (c) => c.planetType },
        { header: "Solar system", className: "text-slate-300", cell: (c) => c.solarSystemName },
        { header: "Installations", numeric: true, className: "text-slate-300", cell: (c) => c.numPins },
        {
          header: "Upgrade level",
          numeric: true,
          className: "text-slate-300",
          cell: (c) => ROMAN[c.upgradeLevel] ?? c.upgradeLevel,
        },
        { header: "Last update", className: "text-slate-400", cell: (c) => formatEveTime(c.lastUpdate) },
      ]}
    />
  );
}
