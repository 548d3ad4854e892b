"use client";
// Skill set management (Member Audit's admin pages for skill sets and groups): list,
// create, edit, clone and delete sets with their skills; groups with their sets.
// Saving makes every character's checks stale; the next update scan recomputes them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/client";
import { EMPTY_SET, type SetDraft, SkillSetEditor, toSetDraft } from "./skill-set-editor";
import { EMPTY_GROUP, type GroupDraft, SkillSetGroupEditor, toGroupDraft } from "./skill-set-group-editor";
import { SkillSetImport } from "./skill-set-import";
import { SkillSetGroupsTable, SkillSetsTable } from "./skill-sets-tables";
import { ErrorMessage } from "~/components/error-message";

function SectionHeader({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between">
      <h2 className="text-lg font-semibold text-slate-100">{title}</h2>
      {children}
    </div>
  );
}

export function SkillSetsAdmin({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.skillSets.list.queryOptions());
  const [setDraft, setSetDraft] = useState<SetDraft | null>(null);
  const [groupDraft, setGroupDraft] = useState<GroupDraft | null>(null);
  const [importing, setImporting] = useState(false);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.skillSets.pathKey() });
  const done = () => {
    setSetDraft(null);
    setGroupDraft(null);
    return invalidate();
  };
  const createSet = useMutation(trpc.skillSets.create.mutationOptions({ onSuccess: done }));
  const updateSet = useMutation(trpc.skillSets.update.mutationOptions({ onSuccess: done }));
  const deleteSet = useMutation(trpc.skillSets.delete.mutationOptions({ onSuccess: invalidate }));
  const cloneSet = useMutation(trpc.skillSets.clone.mutationOptions({ onSuccess: invalidate }));
  const createGroup = useMutation(trpc.skillSets.createGroup.mutationOptions({ onSuccess: done }));
  const updateGroup = useMutation(trpc.skillSets.updateGroup.mutationOptions({ onSuccess: done }));
  const deleteGroup = useMutation(trpc.skillSets.deleteGroup.mutationOptions({ onSuccess: invalidate }));
  const error = [createSet, updateSet, deleteSet, cloneSet, createGroup, updateGroup, deleteGroup].find(
    (m) => m.error,
  )?.error;
  const sets = list.data?.skillSets ?? [];
  const groups = list.data?.groups ?? [];

  function saveSet({ id, shipName: _shown, skills, ...fields }: SetDraft) {
    const data = {
      ...fields,
      skills: skills.map((s) => ({
        skillTypeId: s.skillTypeId,
        requiredLevel: s.requiredLevel,
        recommendedLevel: s.recommendedLevel,
      })),
    };
    if (id) updateSet.mutate({ id, ...data });
    else createSet.mutate(data);
  }
  function saveGroup({ id, ...data }: GroupDraft) {
    if (id) updateGroup.mutate({ id, ...data });
    else createGroup.mutate(data);
  }

  return (
    <div className="space-y-6" data-testid="skill-sets-admin">
      <ErrorMessage error={error} />
      <section className="space-y-3">
        <SectionHeader title="Skill sets">
          {canEdit && (
            <span className="flex gap-2">
              <Button onClick={() => setImporting(true)}>Import</Button>
              <Button variant="primary" onClick={() => setSetDraft(EMPTY_SET)}>
                New skill set
              </Button>
            </span>
          )}
        </SectionHeader>
        {importing && <SkillSetImport groups={groups} onClose={() => setImporting(false)} />}
        {setDraft && (
          <SkillSetEditor
            draft={setDraft}
            groups={groups}
            pending={createSet.isPending || updateSet.isPending}
            onChange={setSetDraft}
            onSave={saveSet}
            onCancel={() => setSetDraft(null)}
          />
        )}
        <SkillSetsTable
          sets={sets}
          canEdit={canEdit}
          empty={list.isSuccess ? "No skill sets yet." : null}
          onEdit={(s) => setSetDraft(toSetDraft(s))}
          onClone={(s) => cloneSet.mutate({ id: s.id })}
          onDelete={(s) => confirm(`Delete skill set ${s.name}?`) && deleteSet.mutate({ id: s.id })}
        />
      </section>

      <section className="space-y-3">
        <SectionHeader title="Skill set groups">
          {canEdit && (
            <Button variant="primary" onClick={() => setGroupDraft(EMPTY_GROUP)}>
              New group
            </Button>
          )}
        </SectionHeader>
        {groupDraft && (
          <SkillSetGroupEditor
            draft={groupDraft}
            sets={sets}
            pending={createGroup.isPending || updateGroup.isPending}
            onChange={setGroupDraft}
            onSave={saveGroup}
            onCancel={() => setGroupDraft(null)}
          />
        )}
        <SkillSetGroupsTable
          groups={groups}
          canEdit={canEdit}
          onEdit={(g) => setGroupDraft(toGroupDraft(g))}
          onDelete={(g) => confirm(`Delete group ${g.name}?`) && deleteGroup.mutate({ id: g.id })}
        />
      </section>
    </div>
  );
}
