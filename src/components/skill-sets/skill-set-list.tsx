"use client";
// The Skill sets tab: sets grouped as Member Audit shows them, filters (group,
// required met, doctrine), and a detail panel with every skill and "copy missing
// skills" (an in-game skill plan).
import { useMemo, useState } from "react";
import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { PassMark, roman } from "./levels";
import { SkillSetDetail } from "./skill-set-detail";

type SheetSkillSetGroup = RouterOutputs["sheet"]["skillSets"]["list"]["groups"][number];
type SheetSkillSet = SheetSkillSetGroup["skillSets"][number];

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
  if (skills.length === 0) return <span className="text-slate-400">–</span>;
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

export function SkillSetList({ groups }: { groups: readonly SheetSkillSetGroup[] }) {
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
      <Table
        caption="Skill sets"
        look="caps"
        density="compact"
        groups={shown.map((g) => ({
          key: String(g.id),
          label: groupTitle(g),
          testId: `skill-set-group-${g.id ?? "ungrouped"}`,
          className: "bg-ink-800/60 px-2 font-medium text-slate-300",
          rows: g.skillSets,
        }))}
        rowKey={(s) => s.id}
        rowTestId={(s) => `skill-set-${s.id}`}
        rowClassName="align-top"
        empty="No skill set matches the filters."
        columns={[
          {
            header: "Skill set",
            className: "text-slate-100",
            cell: (s) => (
              <>
                {s.name}
                {s.shipName && <span className="block text-xs text-slate-400">{s.shipName}</span>}
              </>
            ),
          },
          { header: "Required?", cell: (s) => <PassMark ok={s.hasRequired} /> },
          { header: "Recommended?", cell: (s) => <PassMark ok={s.hasRecommended} /> },
          {
            header: "Missing required skills",
            cell: (s) => <SkillBadges skills={s.missingRequired} level="requiredLevel" />,
          },
          {
            header: "Missing recommended skills",
            cell: (s) => <SkillBadges skills={s.missingRecommended} level="recommendedLevel" />,
          },
          {
            header: "Details",
            srOnly: true,
            cell: (s) => (
              <button
                type="button"
                aria-label={`Details of ${s.name}`}
                onClick={() => setOpen(s)}
                className="text-slate-400 hover:text-slate-100"
              >
                🔍
              </button>
            ),
          },
        ]}
      />
      {open && <SkillSetDetail set={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
