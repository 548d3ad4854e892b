"use client";
import { useQuery } from "@tanstack/react-query";
import { PERMISSIONS } from "~/server/identity/permissions";
import { useTRPC } from "~/trpc/client";

/** The audit view: every permission, who holds it and through which group. */
export function HoldersTable() {
  const trpc = useTRPC();
  const holders = useQuery(trpc.admin.holders.queryOptions());
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-slate-400">
        <tr>
          <th className="py-2">Permission</th>
          <th>Held by</th>
        </tr>
      </thead>
      <tbody>
        {holders.data?.map((row) => (
          <tr
            key={row.permission}
            className="border-t border-ink-700 align-top"
            data-testid={`holders-${row.permission}`}
          >
            <td className="py-2 pr-4">
              <code className="text-sky-300">{row.permission}</code>
              <p className="text-xs text-slate-500">{PERMISSIONS[row.permission].label}</p>
            </td>
            <td className="py-2">
              {row.holders.length === 0 && <span className="text-slate-500">nobody</span>}
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {row.holders.map((h) => (
                  <li key={h.userId} className={h.isActive ? "" : "line-through opacity-60"}>
                    {h.name} <span className="text-xs text-slate-500">via {h.via.join(", ")}</span>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
