// Skill levels as EVE shows them (roman numerals), the editor's level picker and the
// per-skill result icons of Member Audit's detail view.
import { inputClass } from "~/components/ui/input";
import { roman, type SkillResult } from "~/server/sections/skill-set-checks";

export { roman };

/** A level from I to V, or none ("–"): a set may recommend a skill without requiring it. */
export function LevelSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange(v: number | null): void;
}) {
  return (
    <select
      aria-label={label}
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      className={inputClass}
    >
      <option value="">–</option>
      {[1, 2, 3, 4, 5].map((l) => (
        <option key={l} value={l}>
          {roman(l)}
        </option>
      ))}
    </select>
  );
}

export function ResultIcon({ result }: { result: SkillResult }) {
  if (result === "none")
    return (
      <span className="text-red-400" title="below the required level">
        ✗
      </span>
    );
  if (result === "partial")
    return (
      <span className="text-amber-300" title="required met, below the recommended level">
        ✓
      </span>
    );
  return (
    <span className="text-emerald-400" title="meets every level">
      ✓✓
    </span>
  );
}

export function PassMark({ ok }: { ok: boolean | null }) {
  if (ok === null)
    return (
      <span className="text-slate-400" title="not checked yet">
        ?
      </span>
    );
  return ok ? <span className="text-emerald-400">✓</span> : <span className="text-red-400">✗</span>;
}
