"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { ErrorMessage } from "~/components/error-message";

export function UsersAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const users = useQuery(trpc.admin.users.queryOptions({ search }));
  const groups = useQuery(trpc.admin.groups.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
  const membership = useMutation(trpc.admin.setMembership.mutationOptions({ onSuccess: invalidate }));
  const superuser = useMutation(trpc.admin.setSuperuser.mutationOptions({ onSuccess: invalidate }));
  const active = useMutation(trpc.admin.setActive.mutationOptions({ onSuccess: invalidate }));
  const error = membership.error ?? superuser.error ?? active.error;

  return (
    <div className="space-y-4">
      <input
        aria-label="Search users"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Search by character name"
        className="w-72 rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm"
      />
      <ErrorMessage error={error} />
      <table className="w-full text-left text-sm">
        <thead className="text-slate-400">
          <tr>
            <th className="py-2">User (main)</th>
            <th>Characters</th>
            <th>Groups</th>
            <th>Superuser</th>
            <th>Active</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.map((u) => {
            const memberOf = new Set(u.memberships.map((m) => m.groupId));
            return (
              <tr key={u.id} className="border-t border-ink-700 align-top">
                <td className="py-2 pr-4 text-slate-100">{u.mainCharacter?.name ?? "(no main)"}</td>
                <td className="pr-4">{u._count.ownerships}</td>
                <td className="pr-4">
                  <div className="flex flex-wrap gap-2">
                    {groups.data?.map((g) => (
                      <label key={g.id} className="flex items-center gap-1 text-xs">
                        <input
                          type="checkbox"
                          checked={memberOf.has(g.id)}
                          onChange={(e) => membership.mutate({ groupId: g.id, userId: u.id, member: e.target.checked })}
                        />
                        {g.name}
                      </label>
                    ))}
                  </div>
                </td>
                <td className="pr-4">
                  <input
                    type="checkbox"
                    aria-label={`Superuser ${u.mainCharacter?.name ?? u.id}`}
                    checked={u.isSuperuser}
                    onChange={(e) => superuser.mutate({ userId: u.id, isSuperuser: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Active ${u.mainCharacter?.name ?? u.id}`}
                    checked={u.isActive}
                    onChange={(e) => active.mutate({ userId: u.id, isActive: e.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
