"use client";
// The Skill sets tab: sets grouped as Member Audit shows them, filters (group,
// required met, doctrine), and a detail panel with every skill and "copy missing
// skills" (an in-game skill plan).
import { useMemo, useState } from "react";
import type { SheetSkillSet, SheetSkillSetGroup } from "~/server/sheet/skill-sets";
import { PassMark, ResultIcon, roman } from "./levels";

function groupTitle(g: SheetSkillSetGroup): string {
  return `${g.isDoctrine ? "Doctrine: " : ""}${g.name}${g.isActive ? "" : " [Not active]"}`;
}

function SkillBadges({
  skills,
  level,
}: {
  skills: SheetSkillSet["missingRequired"];
  level: "requiredLevel" | "recommendedLevel";
}) {
  if (skills.length === 0) return <span className="text-slate-500">–</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {skills.map((s) => (
        <span key={s.skillTypeId} className="rounded bg-ink-800 px-1.5 py-0.5 text-xs text-slate-200">
          {s.name} {roman(s[level])}
        </span>
      ))}
    </span>
  );
}

function Detail({ set, onClose }: { set: SheetSkillSet; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      className="mt-4 rounded-lg border border-ink-700 bg-ink-950 p-4"
      data-testid={`skill-set-detail-${set.id}`}
      role="dialog"
      aria-label={set.name}
    >
      <div className="mb-2 flex items-start justify-between gap-4">
        <div>
          <h3 className="font-semibold text-slate-100">{set.name}</h3>
          {set.shipName && <p className="text-xs text-slate-400">{set.shipName}</p>}
          {set.description && <p className="mt-1 text-sm text-slate-300">{set.description}</p>}
        </div>
        <button type="button" onClick={onClose} className="text-sm text-slate-400 hover:text-slate-200">
          Close
        </button>
      </div>
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1">Skill</th>
            <th>Required</th>
            <th>Recommended</th>
            <th>Current</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {set.skills.map((s) => (
            <tr key={s.skillTypeId} className="border-t border-ink-800">
              <td className="py-1 text-slate-200">{s.name}</td>
              <td>{roman(s.requiredLevel)}</td>
              <td>{roman(s.recommendedLevel)}</td>
              <td>{roman(s.activeLevel)}</td>
              <td>
                <ResultIcon result={s.result} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex items-center justify-between text-sm">
        <span className={set.hasRequired ? "text-emerald-400" : "text-red-400"}>
          {set.hasRequired ? "Meets all the required skills." : "Does not meet all the required skills."}
        </span>
        {set.missingPlan && (
          <button
            type="button"
            data-testid="copy-missing-skills"
            className="rounded border border-ink-700 px-2 py-1 text-slate-200 hover:bg-ink-800"
            onClick={() => void navigator.clipboard?.writeText(set.missingPlan).then(() => setCopied(true))}
          >
            {copied ? "Copied" : "Copy missing skills to clipboard"}
          </button>
        )}
      </div>
    </div>
  );
}

export function SkillSetList({ groups }: { groups: SheetSkillSetGroup[] }) {
  const [groupFilter, setGroupFilter] = useState<string>("all");
  const [required, setRequired] = useState<"all" | "yes" | "no">("all");
  const [doctrineOnly, setDoctrineOnly] = useState(false);
  const [open, setOpen] = useState<SheetSkillSet | null>(null);
  const shown = useMemo(
    () =>
      groups
        .filter((g) => groupFilter === "all" || String(g.id) === groupFilter)
        .filter((g) => !doctrineOnly || g.isDoctrine)
        .map((g) => ({
          ...g,
          skillSets: g.skillSets.filter(
            (s) => required === "all" || (required === "yes" ? s.hasRequired === true : s.hasRequired === false),
          ),
        }))
        .filter((g) => g.skillSets.length > 0),
    [groups, groupFilter, required, doctrineOnly],
  );

  return (
    <div>
      <div className="mb-3 flex flex-wrap gap-3 text-sm">
        <select
          aria-label="Group"
          value={groupFilter}
          onChange={(e) => setGroupFilter(e.target.value)}
          className="rounded border border-ink-700 bg-ink-950 px-2 py-1"
        >
          <option value="all">All groups</option>
          {groups.map((g) => (
            <option key={String(g.id)} value={String(g.id)}>
              {groupTitle(g)}
            </option>
          ))}
        </select>
        <select
          aria-label="Required skills"
          value={required}
          onChange={(e) => setRequired(e.target.value as typeof required)}
          className="rounded border border-ink-700 bg-ink-950 px-2 py-1"
        >
          <option value="all">Required skills: any</option>
          <option value="yes">Has all required</option>
          <option value="no">Missing required</option>
        </select>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={doctrineOnly} onChange={(e) => setDoctrineOnly(e.target.checked)} /> doctrines
          only
        </label>
      </div>
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1">Skill set</th>
            <th>Required?</th>
            <th>Recommended?</th>
            <th>Missing required skills</th>
            <th>Missing recommended skills</th>
            <th />
          </tr>
        </thead>
        {shown.map((g) => (
          <tbody key={String(g.id)} data-testid={`skill-set-group-${g.id ?? "ungrouped"}`}>
            <tr>
              <th colSpan={6} className="bg-ink-800/60 px-2 py-1 text-left font-medium text-slate-300">
                {groupTitle(g)}
              </th>
            </tr>
            {g.skillSets.map((s) => (
              <tr key={s.id} className="border-t border-ink-800 align-top" data-testid={`skill-set-${s.id}`}>
                <td className="py-1 pr-2 text-slate-100">
                  {s.name}
                  {s.shipName && <span className="block text-xs text-slate-500">{s.shipName}</span>}
                </td>
                <td>
                  <PassMark ok={s.hasRequired} />
                </td>
                <td>
                  <PassMark ok={s.hasRecommended} />
                </td>
                <td className="pr-2">
                  <SkillBadges skills={s.missingRequired} level="requiredLevel" />
                </td>
                <td className="pr-2">
                  <SkillBadges skills={s.missingRecommended} level="recommendedLevel" />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Details of ${s.name}`}
                    onClick={() => setOpen(s)}
                    className="text-slate-400 hover:text-slate-100"
                  >
                    🔍
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {shown.length === 0 && (
        <p className="py-4 text-center text-sm text-slate-400">No skill set matches the filters.</p>
      )}
      {open && <Detail set={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
