"use client";
// Designating a group or changing its rules, or removing the designation: the admin
// previews who would join or leave, then saves exactly what was previewed (the server runs
// the same plan for both). Changing a field after the preview asks for a new one.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "~/components/error-message";
import { Button } from "~/components/ui/button";
import { CheckboxGroup } from "~/components/ui/editor-form";
import { inputClass } from "~/components/ui/input";
import { Panel } from "~/components/ui/panel";
import { useTRPC } from "~/trpc/client";
import { PlanPreview } from "./plan-preview";
import { RULE_FIELDS, type RuleKey, type Rules, type RulesDraft, toDraft, toRules } from "./rules-draft";

export interface EditTarget {
  groupId: string;
  groupName: string;
  /** Current rules of a compliance group; null for a group not designated yet. */
  rules: Rules | null;
  /** Remove the designation instead of editing rules. */
  removing: boolean;
}

export function ComplianceEditor({ target, onDone }: { target: EditTarget; onDone(): void }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<RulesDraft>(() => toDraft(target.rules));
  const [previewed, setPreviewed] = useState<{ groupId: string; rules: Rules | null } | null>(null);
  const skillSets = useQuery({ ...trpc.skillSets.list.queryOptions(), enabled: !target.removing });
  const change = { groupId: target.groupId, rules: target.removing ? null : toRules(draft) };
  const current = previewed !== null && JSON.stringify(previewed) === JSON.stringify(change);
  const preview = useQuery({
    ...trpc.compliance.preview.queryOptions(previewed ?? change),
    enabled: previewed !== null,
  });
  const save = useMutation(trpc.compliance.save.mutationOptions());
  const title = target.removing
    ? `Remove the designation of ${target.groupName}`
    : `${target.rules ? "Rules of" : "Designate"} ${target.groupName}`;

  return (
    <Panel as="form" aria-label={title} className="space-y-3" onSubmit={(e) => e.preventDefault()}>
      <h2 className="text-lg font-semibold text-slate-100">{title}</h2>
      {target.removing ? (
        <p className="text-sm text-slate-300">Every member leaves the group; it becomes an ordinary group again.</p>
      ) : (
        <>
          <p className="text-sm text-slate-300">
            Members must be compliant (a main, every character they signed in with registered) and pass every rule
            filled in below. Leave a rule empty to not use it.
          </p>
          <div className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
            {(Object.keys(RULE_FIELDS) as RuleKey[])
              .filter((key) => key !== "skillSetAnyOf")
              .map((key) => {
                const id = `rule-${key}`;
                const name = key as Exclude<RuleKey, "skillSetAnyOf">;
                return (
                  <label key={key} htmlFor={id} className="flex flex-col gap-1 text-sm text-slate-300">
                    {RULE_FIELDS[key].label}
                    <input
                      id={id}
                      inputMode={RULE_FIELDS[key].kind === "number" ? "numeric" : "text"}
                      value={draft[name]}
                      onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
                      className={`${inputClass} w-full text-slate-100`}
                    />
                  </label>
                );
              })}
          </div>
          {skillSets.data?.skillSets.length === 0 && (
            <p className="text-sm text-slate-300">No skill sets yet: the skill set rule needs one.</p>
          )}
          <CheckboxGroup
            legend={RULE_FIELDS.skillSetAnyOf.label}
            options={skillSets.data?.skillSets ?? []}
            selected={draft.skillSetAnyOf}
            onChange={(skillSetAnyOf) => setDraft({ ...draft, skillSetAnyOf })}
          />
        </>
      )}
      <ErrorMessage error={preview.error ?? save.error} />
      <div aria-live="polite">
        {save.data ? (
          <PlanPreview plan={save.data} heading="Saved: who joined and left" />
        ) : (
          current && preview.data && <PlanPreview plan={preview.data} heading="Preview: who would join or leave" />
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        {save.data ? (
          <Button variant="primary" onClick={onDone}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={() => setPreviewed(change)} disabled={current && preview.isFetching}>
              Preview
            </Button>
            <Button
              variant="primary"
              className="disabled:cursor-not-allowed disabled:opacity-60"
              disabled={!current || !preview.data || save.isPending}
              title={current ? undefined : "Preview first"}
              onClick={() => previewed && save.mutate(previewed)}
            >
              {target.removing ? "Remove designation" : "Save"}
            </Button>
            <Button onClick={onDone}>Cancel</Button>
          </>
        )}
      </div>
      {!current && !save.data && <p className="text-xs text-slate-400">Preview the change before saving it.</p>}
    </Panel>
  );
}
