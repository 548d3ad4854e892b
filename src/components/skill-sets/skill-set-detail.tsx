"use client";
import { useState } from "react";
import { Panel } from "~/components/ui/panel";
import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { ResultIcon, roman } from "./levels";

type SheetSkillSet = RouterOutputs["sheet"]["skillSets"]["list"]["groups"][number]["skillSets"][number];

/** One set against the character: every skill with its levels, and the missing ones as an in-game skill plan. */
export function SkillSetDetail({ set, onClose }: { set: SheetSkillSet; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Panel
      as="div"
      inset
      className="mt-4"
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
      <Table
        caption={`Skills of ${set.name}`}
        look="caps"
        density="compact"
        rows={set.skills}
        rowKey={(s) => s.skillTypeId}
        columns={[
          { header: "Skill", className: "text-slate-200", cell: (s) => s.name },
          { header: "Required", cell: (s) => roman(s.requiredLevel) },
          { header: "Recommended", cell: (s) => roman(s.recommendedLevel) },
          { header: "Current", cell: (s) => roman(s.activeLevel) },
          { header: "Result", srOnly: true, cell: (s) => <ResultIcon result={s.result} /> },
        ]}
      />
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
    </Panel>
  );
}
