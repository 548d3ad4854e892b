"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PERMISSION_NAMES, PERMISSIONS, type Permission } from "~/server/identity/permissions";
import { useTRPC } from "~/trpc/client";
import { ErrorMessage } from "~/components/error-message";

interface Draft {
  id?: string;
  name: string;
  description: string;
  permissions: Permission[];
  isDefault: boolean;
}
const EMPTY: Draft = { name: "", description: "", permissions: [], isDefault: false };

export function GroupsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const groups = useQuery(trpc.admin.groups.queryOptions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
  const create = useMutation(
    trpc.admin.createGroup.mutationOptions({
      onSuccess: () => {
        setDraft(null);
        return invalidate();
      },
    }),
  );
  const update = useMutation(
    trpc.admin.updateGroup.mutationOptions({
      onSuccess: () => {
        setDraft(null);
        return invalidate();
      },
    }),
  );
  const remove = useMutation(trpc.admin.deleteGroup.mutationOptions({ onSuccess: invalidate }));
  const error = create.error ?? update.error ?? remove.error;

  return (
    <div className="space-y-4">
      <div className="flex justify-between">
        <p className="text-sm text-slate-400">
          Groups carry permissions; users hold the union of their groups' permissions.
        </p>
        <button
          type="button"
          onClick={() => setDraft(EMPTY)}
          className="rounded bg-accent px-3 py-1 text-sm font-medium text-ink-950"
        >
          New group
        </button>
      </div>
      <ErrorMessage error={error} />
      {draft && (
        <form
          aria-label="Group"
          className="space-y-3 rounded-lg border border-ink-700 bg-ink-900 p-4"
          onSubmit={(e) => {
            e.preventDefault();
            const { id, ...data } = draft;
            if (id) update.mutate({ id, ...data });
            else create.mutate(data);
          }}
        >
          <div className="flex gap-3">
            <input
              aria-label="Name"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              placeholder="Name"
              className="flex-1 rounded border border-ink-700 bg-ink-950 px-2 py-1"
            />
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={draft.isDefault}
                onChange={(e) => setDraft({ ...draft, isDefault: e.target.checked })}
              />{" "}
              new users join
            </label>
          </div>
          <input
            aria-label="Description"
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            placeholder="Description"
            className="w-full rounded border border-ink-700 bg-ink-950 px-2 py-1"
          />
          <fieldset className="grid gap-1 sm:grid-cols-2">
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
                  <span className="text-slate-500">{PERMISSIONS[p].label}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={create.isPending || update.isPending}
              className="rounded bg-accent px-3 py-1 text-sm font-medium text-ink-950"
            >
              Save group
            </button>
            <button type="button" onClick={() => setDraft(null)} className="text-sm text-slate-400">
              Cancel
            </button>
          </div>
        </form>
      )}
      <table className="w-full text-left text-sm">
        <thead className="text-slate-400">
          <tr>
            <th className="py-2">Group</th>
            <th>Permissions</th>
            <th>Members</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {groups.data?.map((g) => (
            <tr key={g.id} className="border-t border-ink-700 align-top">
              <td className="py-2 pr-4">
                <span className="font-medium text-slate-100">{g.name}</span>
                {g.isDefault && <span className="ml-2 rounded bg-sky-500/20 px-1.5 text-xs text-sky-300">default</span>}
                <p className="text-xs text-slate-500">{g.description}</p>
              </td>
              <td className="pr-4 text-xs text-slate-300">{g.permissions.join(", ") || "none"}</td>
              <td className="pr-4">{g.memberCount}</td>
              <td className="whitespace-nowrap text-right">
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
