"use client";
import { Checkbox, CheckboxGroup, EditorForm } from "~/components/ui/editor-form";
import { inputClass } from "~/components/ui/input";
import { type Column, Table } from "~/components/ui/table";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";
import { LevelSelect } from "./levels";
import { TypePicker } from "./type-picker";

type SkillSet = RouterOutputs["skillSets"]["list"]["skillSets"][number];
type SkillDraft = SkillSet["skills"][number];
type SkillRow = { skill: SkillDraft; index: number };

/** The form's state: what create takes with every field filled in, plus the names shown beside the type ids. */
export type SetDraft = Omit<Required<RouterInputs["skillSets"]["create"]>, "skills"> & {
  id?: number;
  shipName: string | null;
  skills: SkillDraft[];
};

export const EMPTY_SET: SetDraft = {
  name: "",
  description: "",
  shipTypeId: null,
  shipName: null,
  isVisible: true,
  groupIds: [],
  skills: [],
};

export const toSetDraft = (s: SkillSet): SetDraft => ({
  id: s.id,
  name: s.name,
  description: s.description,
  shipTypeId: s.shipTypeId,
  shipName: s.shipName,
  isVisible: s.isVisible,
  groupIds: s.groups.map((g) => g.id),
  skills: s.skills,
});

export function SkillSetEditor({
  draft,
  groups,
  pending,
  onChange,
  onSave,
  onCancel,
}: {
  draft: SetDraft;
  groups: readonly { id: number; name: string }[];
  pending: boolean;
  onChange(d: SetDraft): void;
  onSave(d: SetDraft): void;
  onCancel(): void;
}) {
  const change = (patch: Partial<SetDraft>) => onChange({ ...draft, ...patch });
  const levelColumn = (header: string, level: "requiredLevel" | "recommendedLevel"): Column<SkillRow> => ({
    header,
    cell: ({ skill, index }) => (
      <LevelSelect
        label={`${header} level of ${skill.name}`}
        value={skill[level]}
        onChange={(v) => change({ skills: draft.skills.map((x, j) => (j === index ? { ...x, [level]: v } : x)) })}
      />
    ),
  });
  return (
    <EditorForm label="Skill set" pending={pending} onSubmit={() => onSave(draft)} onCancel={onCancel}>
      <div className="flex flex-wrap gap-3">
        <input
          aria-label="Name"
          value={draft.name}
          onChange={(e) => change({ name: e.target.value })}
          placeholder="Name"
          className={`${inputClass} flex-1`}
        />
        <Checkbox
          label="visible on character sheets"
          checked={draft.isVisible}
          onChange={(isVisible) => change({ isVisible })}
        />
      </div>
      <input
        aria-label="Description"
        value={draft.description}
        onChange={(e) => change({ description: e.target.value })}
        placeholder="Description"
        className={`${inputClass} w-full`}
      />
      <div className="flex items-center gap-3 text-sm">
        <span className="text-slate-400">Ship (display only):</span>
        <span className="text-slate-200">{draft.shipName ?? "none"}</span>
        {draft.shipTypeId && (
          <button
            type="button"
            className="text-slate-400 hover:text-slate-200"
            onClick={() => change({ shipTypeId: null, shipName: null })}
          >
            clear
          </button>
        )}
        <div className="w-64">
          <TypePicker
            kind="ship"
            placeholder="Find a ship"
            onPick={(t) => change({ shipTypeId: t.id, shipName: t.name })}
          />
        </div>
      </div>
      <CheckboxGroup
        legend="Groups"
        options={groups}
        selected={draft.groupIds}
        onChange={(groupIds) => change({ groupIds })}
      />
      <Table
        caption="Skills of this set"
        look="caps"
        density="compact"
        rows={draft.skills.map((skill, index) => ({ skill, index }))}
        rowKey={({ skill }) => skill.skillTypeId}
        columns={[
          { header: "Skill", cell: ({ skill }) => skill.name },
          levelColumn("Required", "requiredLevel"),
          levelColumn("Recommended", "recommendedLevel"),
          {
            header: "Remove",
            srOnly: true,
            cell: ({ index }) => (
              <button
                type="button"
                className="text-slate-400 hover:text-red-300"
                onClick={() => change({ skills: draft.skills.filter((_, j) => j !== index) })}
              >
                remove
              </button>
            ),
          },
        ]}
      />
      <div className="w-80">
        <TypePicker
          kind="skill"
          placeholder="Add a skill"
          onPick={(t) =>
            draft.skills.some((s) => s.skillTypeId === t.id) ||
            change({
              skills: [...draft.skills, { skillTypeId: t.id, name: t.name, requiredLevel: 1, recommendedLevel: null }],
            })
          }
        />
      </div>
    </EditorForm>
  );
}
