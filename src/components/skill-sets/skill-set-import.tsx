"use client";
// Import a skill set from an EFT fitting (required skills of hull and items) or a skill
// plan ("Skill Name IV" per line), as Member Audit's two import pages do.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { EditorForm } from "~/components/ui/editor-form";
import { inputClass } from "~/components/ui/input";
import { useTRPC } from "~/trpc/client";
import { ErrorMessage } from "~/components/error-message";

export function SkillSetImport({
  groups,
  onClose,
}: {
  groups: readonly { id: number; name: string }[];
  onClose(): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<"fitting" | "plan">("fitting");
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [overwrite, setOverwrite] = useState(false);
  const [groupId, setGroupId] = useState<number | null>(null);
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.skillSets.pathKey() });
  const fitting = useMutation(trpc.skillSets.importFitting.mutationOptions({ onSuccess }));
  const plan = useMutation(trpc.skillSets.importSkillPlan.mutationOptions({ onSuccess }));
  const active = kind === "fitting" ? fitting : plan;
  const report = active.data;

  return (
    <EditorForm
      label="Import skill set"
      submitLabel="Import"
      cancelLabel="Close"
      pending={active.isPending}
      onCancel={onClose}
      onSubmit={() => {
        if (kind === "fitting") fitting.mutate({ text, name: name || null, overwrite, groupId });
        else plan.mutate({ text, name, overwrite, groupId });
      }}
    >
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1">
          <input type="radio" checked={kind === "fitting"} onChange={() => setKind("fitting")} /> EFT fitting
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" checked={kind === "plan"} onChange={() => setKind("plan")} /> skill plan
        </label>
        <input
          aria-label="Skill set name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={kind === "fitting" ? "Name (default: the fit's name)" : "Name"}
          className={`${inputClass} flex-1`}
        />
        <select
          aria-label="Add to group"
          value={groupId ?? ""}
          onChange={(e) => setGroupId(e.target.value ? Number(e.target.value) : null)}
          className={inputClass}
        >
          <option value="">No group</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> overwrite a set
          with the same name
        </label>
      </div>
      <textarea
        aria-label="Text to import"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={10}
        placeholder={kind === "fitting" ? "[Ship, Fit name]\nModule\n..." : "Skill Name IV\n..."}
        className={`${inputClass} w-full font-mono text-xs`}
      />
      <ErrorMessage error={active.error} />
      {report && (
        <p className="text-sm text-emerald-300" data-testid="import-report">
          {report.created ? "Created" : "Updated"} “{report.name}” with {report.skills} skills.
          {report.skipped.length > 0 && (
            <span className="block text-amber-300">Skipped: {report.skipped.join(", ")}</span>
          )}
        </p>
      )}
    </EditorForm>
  );
}
