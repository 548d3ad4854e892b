import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";

type CharacterStatusView = NonNullable<RouterOutputs["sheet"]["overview"]["get"]["status"]>;

const OVERALL: Record<CharacterStatusView["overall"], { label: string; className: string }> = {
  ok: { label: "Up to date", className: "text-emerald-300" },
  error: { label: "Update errors", className: "text-red-300" },
  limited_token: { label: "Token lacks scopes", className: "text-amber-300" },
  disabled: { label: "Disabled", className: "text-slate-400" },
  in_progress: { label: "Updating", className: "text-sky-300" },
};

/** The character's update status: overall, then one row per section. */
export function SectionStatusTable({ status }: { status: CharacterStatusView }) {
  const overall = OVERALL[status.overall];
  return (
    <section className="mt-6">
      <h2 className="mb-2 text-lg font-medium text-slate-100">
        Update status:{" "}
        <span className={overall.className} data-testid="overall-status">
          {overall.label}
        </span>
      </h2>
      <Table
        caption="Update status by section"
        look="plain"
        density="compact"
        rows={status.sections}
        rowKey={(s) => s.section}
        rowTestId={(s) => `section-${s.section}`}
        columns={[
          { header: "Section", cell: (s) => s.label },
          { header: "State", cell: (s) => s.state },
          {
            header: "Last finished",
            className: "text-slate-400",
            cell: (s) => (s.finishedAt ? s.finishedAt.toISOString().replace("T", " ").slice(0, 19) : "—"),
          },
          // Route templates are long unbroken words: they wrap anywhere rather than widen the page.
          { header: "Error", className: "text-red-300 wrap-anywhere", cell: (s) => s.errorMessage },
          {
            header: "ESI warnings",
            className: "text-amber-200 wrap-anywhere",
            cell: (s) =>
              s.warnings.length === 0 ? null : (
                <ul className="list-disc pl-4" aria-label={`ESI warnings for ${s.label}`}>
                  {s.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </section>
  );
}
