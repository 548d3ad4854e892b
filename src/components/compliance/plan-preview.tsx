// Who a change would move, as the preview and the saved result both describe it.
import { Panel } from "~/components/ui/panel";
import type { RouterOutputs } from "~/trpc/types";

type Plan = RouterOutputs["compliance"]["preview"];

const PARTS = [
  ["join", "Would join"],
  ["leave", "Would leave now"],
  ["lapsing", "Would start their grace period (stay for now)"],
  ["recovered", "Back in compliance within their grace period"],
] as const;

export function PlanPreview({ plan, heading }: { plan: Plan; heading: string }) {
  const moved = PARTS.some(([key]) => plan[key].length > 0);
  return (
    <Panel inset aria-label={heading}>
      <h3 className="mb-2 font-semibold text-slate-100">{heading}</h3>
      {!moved && <p className="text-sm text-slate-300">Nobody would join or leave.</p>}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
        {PARTS.filter(([key]) => plan[key].length > 0).map(([key, label]) => (
          <section key={key} aria-label={label} data-testid={`plan-${key}`}>
            <h4 className="text-sm text-slate-300">
              {label}: <span className="font-semibold text-slate-100">{plan[key].length}</span>
            </h4>
            <ul className="mt-1 max-h-48 overflow-y-auto break-words text-sm text-slate-200">
              {plan[key].map((u) => (
                <li key={u.userId}>{u.name}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Panel>
  );
}
