"use client";
import { useQuery } from "@tanstack/react-query";
import { Table } from "~/components/ui/table";
import { PERMISSIONS } from "~/server/identity/permissions";
import { useTRPC } from "~/trpc/client";

/** The audit view: every permission, who holds it and through which group. */
export function HoldersTable() {
  const trpc = useTRPC();
  const holders = useQuery(trpc.admin.holders.queryOptions());
  return (
    <Table
      caption="Who holds each permission"
      look="plain"
      density="relaxed"
      rows={holders.data ?? []}
      rowKey={(row) => row.permission}
      rowTestId={(row) => `holders-${row.permission}`}
      rowClassName="align-top"
      columns={[
        {
          header: "Permission",
          cell: (row) => (
            <>
              <code className="text-sky-300">{row.permission}</code>
              <p className="text-xs text-slate-400">{PERMISSIONS[row.permission].label}</p>
            </>
          ),
        },
        {
          header: "Held by",
          cell: (row) => (
            <>
              {row.holders.length === 0 && <span className="text-slate-400">nobody</span>}
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {row.holders.map((h) => (
                  <li key={h.userId} className={h.isActive ? "" : "line-through opacity-60"}>
                    {h.name} <span className="text-xs text-slate-400">via {h.via.join(", ")}</span>
                  </li>
                ))}
              </ul>
            </>
          ),
        },
      ]}
    />
  );
}
