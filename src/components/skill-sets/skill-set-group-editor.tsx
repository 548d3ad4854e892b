"use client";
import { Checkbox, CheckboxGroup, EditorForm } from "~/components/ui/editor-form";
import { inputClass } from "~/components/ui/input";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";

type SkillSetGroup = RouterOutputs["skillSets"]["list"]["groups"][number];

/** The form's state: what createGroup takes with every field filled in, and the id once the group exists. */
export type GroupDraft = Required<RouterInputs["skillSets"]["createGroup"]> & { id?: number };

export const EMPTY_GROUP: GroupDraft = {
  name: "",
  description: "",
  isDoctrine: false,
  isActive: true,
  skillSetIds: [],
};

export const toGroupDraft = (g: SkillSetGroup): GroupDraft => ({
  id: g.id,
  name: g.name,
  description: g.description,
  isDoctrine: g.isDoctrine,
  isActive: g.isActive,
  skillSetIds: g.skillSets.map((s) => s.id),
});

export function SkillSetGroupEditor({
  draft,
  sets,
  pending,
  onChange,
  onSave,
  onCancel,
}: {
  draft: GroupDraft;
  sets: readonly { id: number; name: string }[];
  pending: boolean;
  onChange(d: GroupDraft): void;
  onSave(d: GroupDraft): void;
  onCancel(): void;
}) {
  const change = (patch: Partial<GroupDraft>) => onChange({ ...draft, ...patch });
  return (
    <EditorForm label="Skill set group" pending={pending} onSubmit={() => onSave(draft)} onCancel={onCancel}>
      <div className="flex flex-wrap gap-3">
        <input
          aria-label="Group name"
          value={draft.name}
          onChange={(e) => change({ name: e.target.value })}
          placeholder="Name"
          className={`${inputClass} flex-1`}
        />
        <Checkbox label="doctrine" checked={draft.isDoctrine} onChange={(isDoctrine) => change({ isDoctrine })} />
        <Checkbox label="active" checked={draft.isActive} onChange={(isActive) => change({ isActive })} />
      </div>
      <input
        aria-label="Group description"
        value={draft.description}
        onChange={(e) => change({ description: e.target.value })}
        placeholder="Description"
        className={`${inputClass} w-full`}
      />
      <CheckboxGroup
        legend="Skill sets"
        options={sets}
        selected={draft.skillSetIds}
        onChange={(skillSetIds) => change({ skillSetIds })}
      />
    </EditorForm>
  );
}
