"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { EveName } from "~/components/eve-image";
import { Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import { ErrorMessage } from "~/components/error-message";

export function UsersAdmin({ imageBaseUrl }: { imageBaseUrl: string }) {
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
      <Table
        caption="Users"
        look="plain"
        density="relaxed"
        rows={users.data ?? []}
        rowKey={(u) => u.id}
        rowClassName="align-top"
        columns={[
          {
            header: "User (main)",
            className: "text-slate-100",
            cell: (u) => (
              <EveName
                base={imageBaseUrl}
                kind="character"
                entity={u.mainCharacter}
                fallback={u.displayName ? `${u.displayName} (LDAP)` : "(no main)"}
              />
            ),
          },
          { header: "Characters", cell: (u) => u._count.ownerships },
          {
            header: "Groups",
            cell: (u) => {
              const memberOf = new Set(u.memberships.map((m) => m.groupId));
              return (
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
              );
            },
          },
          {
            header: "Superuser",
            cell: (u) => (
              <input
                type="checkbox"
                aria-label={`Superuser ${u.mainCharacter?.name ?? u.displayName ?? u.id}`}
                checked={u.isSuperuser}
                onChange={(e) => superuser.mutate({ userId: u.id, isSuperuser: e.target.checked })}
              />
            ),
          },
          {
            header: "Active",
            cell: (u) => (
              <input
                type="checkbox"
                aria-label={`Active ${u.mainCharacter?.name ?? u.displayName ?? u.id}`}
                checked={u.isActive}
                onChange={(e) => active.mutate({ userId: u.id, isActive: e.target.checked })}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
