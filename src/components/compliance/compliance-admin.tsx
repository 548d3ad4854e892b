"use client";
// The compliance groups admin (docs/compliance.md): every group, which are compliance
// groups and with what rules; designate, edit the rules, or remove the designation,
// each previewed before it is saved.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ErrorMessage } from "~/components/error-message";
import { Button } from "~/components/ui/button";
import { Panel } from "~/components/ui/panel";
import { useTRPC } from "~/trpc/client";
import { ComplianceEditor, type EditTarget } from "./compliance-editor";

export function ComplianceAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const groups = useQuery(trpc.compliance.groups.queryOptions());
  const [target, setTarget] = useState<EditTarget | null>(null);
  const done = () => {
    setTarget(null);
    return queryClient.invalidateQueries({ queryKey: trpc.compliance.pathKey() });
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-100">Compliance groups</h1>
      <p className="text-sm text-slate-300">
        The app alone manages the members of a compliance group: users who are compliant and pass its rules join, users
        who stop qualifying leave (after the grace period, if one is set). Give such a group the permissions that should
        need full registration. Groups and their permissions are edited under{" "}
        <Link href="/admin" className="text-sky-300 underline">
          Administration
        </Link>
        .
      </p>
      <ErrorMessage error={groups.error} />
      {target && <ComplianceEditor key={`${target.groupId}-${target.removing}`} target={target} onDone={done} />}
      <ul className="space-y-3" aria-label="Groups">
        {(groups.data ?? []).map((g) => (
          <Panel as="li" key={g.id} className="space-y-2" data-testid="compliance-group">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="break-words font-medium text-slate-100">
                {g.name}
                {g.isCompliance && (
                  <span className="ml-2 rounded bg-emerald-500/20 px-1.5 text-xs text-emerald-200">
                    compliance group
                  </span>
                )}
              </h2>
              <span className="text-sm text-slate-300">
                {g.memberCount} {g.memberCount === 1 ? "member" : "members"}
                {g.inGracePeriod > 0 && `, ${g.inGracePeriod} in their grace period`}
              </span>
            </div>
            {g.isCompliance && (
              <ul className="list-disc pl-5 text-sm text-slate-300">
                <li>compliant: a main and every character registered</li>
                {g.ruleLines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
            <div className="flex flex-wrap gap-2">
              <Button
                variant={g.isCompliance ? "secondary" : "primary"}
                onClick={() => setTarget({ groupId: g.id, groupName: g.name, rules: g.rules, removing: false })}
              >
                {g.isCompliance ? `Edit rules of ${g.name}` : `Designate ${g.name}`}
              </Button>
              {g.isCompliance && (
                <Button onClick={() => setTarget({ groupId: g.id, groupName: g.name, rules: g.rules, removing: true })}>
                  Remove designation of {g.name}
                </Button>
              )}
            </div>
          </Panel>
        ))}
      </ul>
      {groups.data?.length === 0 && (
        <p className="text-sm text-slate-300">No groups yet: create one under Administration.</p>
      )}
    </div>
  );
}
