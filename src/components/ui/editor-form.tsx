import type { ReactNode } from "react";
import { FormActions } from "./form-actions";
import { Panel } from "./panel";

/** An editor's form: its fields in a panel, then submit and cancel. Submitting never reloads the page. */
export function EditorForm({
  label,
  onSubmit,
  children,
  ...actions
}: Parameters<typeof FormActions>[0] & { label: string; onSubmit(): void; children: ReactNode }) {
  return (
    <Panel
      as="form"
      aria-label={label}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <FormActions {...actions} />
    </Panel>
  );
}

/** A yes/no field of an editor, its label after the box. */
export function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** Which of some named things are picked: a set's groups, a group's sets. */
export function CheckboxGroup({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: readonly { id: number; name: string }[];
  selected: readonly number[];
  onChange(ids: number[]): void;
}) {
  return (
    <fieldset className="flex flex-wrap gap-3 text-sm">
      <legend className="mb-1 text-slate-400">{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={selected.includes(o.id)}
            onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((x) => x !== o.id))}
          />
          {o.name}
        </label>
      ))}
    </fieldset>
  );
}
