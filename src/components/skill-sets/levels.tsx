// Skill levels as EVE shows them (roman numerals) and the per-skill result icons of Member Audit's detail view.
import type { SkillResult } from "~/server/sections/skill-set-checks";

export { roman } from "~/server/sections/skill-set-checks";

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
      <span className="text-slate-500" title="not checked yet">
        ?
      </span>
    );
  return ok ? <span className="text-emerald-400">✓</span> : <span className="text-red-400">✗</span>;
}
