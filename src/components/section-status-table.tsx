import type { CharacterStatusView } from "~/server/updates/character-status";

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
      <table className="w-full text-left text-sm">
        <thead className="text-slate-400">
          <tr>
            <th className="py-1">Section</th>
            <th>State</th>
            <th>Last finished</th>
            <th>Error</th>
          </tr>
        </thead>
        <tbody>
          {status.sections.map((s) => (
            <tr key={s.section} className="border-t border-ink-700" data-testid={`section-${s.section}`}>
              <td className="py-1 pr-4">{s.label}</td>
              <td className="pr-4">{s.state}</td>
              <td className="pr-4 text-slate-400">
                {s.finishedAt ? s.finishedAt.toISOString().replace("T", " ").slice(0, 19) : "—"}
              </td>
              <td className="text-red-300">{s.errorMessage}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
