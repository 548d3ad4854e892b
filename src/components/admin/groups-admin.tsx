"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Checkbox, EditorForm } from "~/components/ui/editor-form";
import { inputClass } from "~/components/ui/input";
import { Table } from "~/components/ui/table";
import { PERMISSION_NAMES, PERMISSIONS } from "~/server/identity/permissions";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs } from "~/trpc/types";
import { ErrorMessage } from "~/components/error-message";

/** The form's state: what createGroup takes, every field filled in, and the id once the group exists. */
type Draft = Required<RouterInputs["admin"]["createGroup"]> & { id?: string };
const EMPTY: Draft = { name: "", description: "", permissions: [], isDefault: false };

export function GroupsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const groups = useQuery(trpc.admin.groups.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
  const saved = () => {
    setDraft(null);
    return invalidate();
  };
  const create = useMutation(trpc.admin.createGroup.mutationOptions({ onSuccess: saved }));
  const update = useMutation(trpc.admin.updateGroup.mutationOptions({ onSuccess: saved }));
  const remove = useMutation(trpc.admin.deleteGroup.mutationOptions({ onSuccess: invalidate }));
  const error = create.error ?? update.error ?? remove.error;

  return (
    <div className="space-y-4">
      <div className="flex justify-between">
        <p className="text-sm text-slate-400">
          Groups carry permissions; users hold the union of their groups' permissions.
        </p>
        <Button variant="primary" onClick={() => setDraft(EMPTY)}>
          New group
        </Button>
      </div>
      <ErrorMessage error={error} />
      {draft && (
        <EditorForm
          label="Group"
          submitLabel="Save group"
          pending={create.isPending || update.isPending}
          onSubmit={() => {
            const { id, ...data } = draft;
            if (id) update.mutate({ id, ...data });
            else create.mutate(data);
          }}
          onCancel={() => setDraft(null)}
        >
          <div className="flex gap-3">
            <input
              aria-label="Name"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              placeholder="Name"
              className={`${inputClass} flex-1`}
            />
            <Checkbox
              label="new users join"
              checked={draft.isDefault}
              onChange={(isDefault) => setDraft({ ...draft, isDefault })}
            />
          </div>
          <input
            aria-label="Description"
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            placeholder="Description"
            className={`${inputClass} w-full`}
          />
          <fieldset className="grid grid-cols-[minmax(0,1fr)] gap-1 sm:grid-cols-2">
            {PERMISSION_NAMES.map((p) => (
              <label key={p} className="flex items-start gap-2 text-sm" title={PERMISSIONS[p].label}>
                <input
                  type="checkbox"
                  checked={draft.permissions.includes(p)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      permissions: e.target.checked
                        ? [...draft.permissions, p]
                        : draft.permissions.filter((x) => x !== p),
                    })
                  }
                />
                <span>
                  <code className="text-sky-300">{p}</code>{" "}
                  <span className="text-slate-400">{PERMISSIONS[p].label}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </EditorForm>
      )}
      <Table
        caption="Groups"
        look="plain"
        density="relaxed"
        rows={groups.data ?? []}
        rowKey={(g) => g.id}
        rowClassName="align-top"
        columns={[
          {
            header: "Group",
            cell: (g) => (
              <>
                <span className="font-medium text-slate-100">{g.name}</span>
                {g.isDefault && <span className="ml-2 rounded bg-sky-500/20 px-1.5 text-xs text-sky-300">default</span>}
                <p className="text-xs text-slate-400">{g.description}</p>
              </>
            ),
          },
          {
            header: "Permissions",
            className: "text-xs text-slate-300",
            cell: (g) => g.permissions.join(", ") || "none",
          },
          { header: "Members", cell: (g) => g.memberCount },
          {
            header: "Actions",
            srOnly: true,
            className: "whitespace-nowrap text-right",
            cell: (g) => (
              <>
                <button
                  type="button"
                  className="mr-3 text-sky-300"
                  onClick={() =>
                    setDraft({
                      id: g.id,
                      name: g.name,
                      description: g.description,
                      permissions: g.permissions,
                      isDefault: g.isDefault,
                    })
                  }
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="text-red-300"
                  onClick={() => window.confirm(`Delete group ${g.name}?`) && remove.mutate({ id: g.id })}
                >
                  Delete
                </button>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
