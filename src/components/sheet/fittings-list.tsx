import { Panel } from "~/components/ui/panel";
import type { RouterOutputs } from "~/trpc/types";
import { EmptyState } from "./empty-state";

type FittingView = RouterOutputs["sheet"]["fittings"]["list"][number];
type SlotGroup = FittingView["groups"][number]["group"];

const GROUP_LABEL: Record<SlotGroup, string> = {
  high: "High slots",
  medium: "Medium slots",
  low: "Low slots",
  rig: "Rigs",
  subsystem: "Subsystems",
  service: "Service slots",
  drone: "Drone bay",
  fighter: "Fighter bay",
  cargo: "Cargo",
  other: "Other",
};

export function FittingsList({ fittings }: { fittings: readonly FittingView[] }) {
  if (fittings.length === 0) return <EmptyState>No saved fittings.</EmptyState>;
  return (
    <ul className="grid grid-cols-[minmax(0,1fr)] gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="fittings-list">
      {fittings.map((f) => (
        <Panel as="li" key={f.fittingId} data-testid={`fitting-${f.fittingId}`}>
          <h3 className="font-semibold text-slate-100">{f.name}</h3>
          <p className="text-sm text-sky-300">{f.shipTypeName}</p>
          {f.description && <p className="mt-1 whitespace-pre-wrap text-xs text-slate-400">{f.description}</p>}
          {f.groups.map((g) => (
            <div key={g.group} className="mt-3" data-testid={`fitting-${f.fittingId}-${g.group}`}>
              <p className="text-xs uppercase text-slate-400">{GROUP_LABEL[g.group]}</p>
              <ul className="text-sm text-slate-300">
                {g.items.map((i, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fit may hold one type twice in one flag; the list never reorders
                  <li key={`${i.flag}-${i.typeId}-${n}`}>
                    {i.quantity > 1 && <span className="tabular-nums text-slate-400">{i.quantity}× </span>}
                    {i.typeName}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Panel>
      ))}
    </ul>
  );
}
