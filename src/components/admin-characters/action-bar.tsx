"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ErrorMessage } from "~/components/error-message";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";

type Outcome = RouterOutputs["adminCharacters"]["enable"][number];
type Action = "updateNow" | "enable" | "disable" | "resetTokenNotification" | "delete";

const LABELS: Record<Action, string> = {
  updateNow: "Update now",
  enable: "Enable",
  disable: "Disable",
  resetTokenNotification: "Reset token notification",
  delete: "Delete",
};

/**
 * The actions on the selected characters. Delete asks first; every action ends with one
 * line per character, read out by screen readers (aria-live).
 */
export function ActionBar({ selected, names }: { selected: number[]; names: ReadonlyMap<number, string> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [result, setResult] = useState<{ action: Action; outcomes: Outcome[]; names: Map<number, string> } | null>(
    null,
  );
  // Names as they were when the action started: deleted characters leave the list.
  const namesAtRun = useRef(new Map<number, string>());
  const finish = (action: Action) => (outcomes: Outcome[]) => {
    setResult({ action, outcomes, names: namesAtRun.current });
    setConfirmingDelete(false);
    void queryClient.invalidateQueries({ queryKey: trpc.adminCharacters.pathKey() });
  };
  const mutations = {
    updateNow: useMutation(trpc.adminCharacters.updateNow.mutationOptions({ onSuccess: finish("updateNow") })),
    enable: useMutation(trpc.adminCharacters.enable.mutationOptions({ onSuccess: finish("enable") })),
    disable: useMutation(trpc.adminCharacters.disable.mutationOptions({ onSuccess: finish("disable") })),
    resetTokenNotification: useMutation(
      trpc.adminCharacters.resetTokenNotification.mutationOptions({ onSuccess: finish("resetTokenNotification") }),
    ),
    delete: useMutation(trpc.adminCharacters.delete.mutationOptions({ onSuccess: finish("delete") })),
  };
  const pending = Object.values(mutations).some((m) => m.isPending);
  const error = Object.values(mutations).find((m) => m.error)?.error;
  const run = (action: Action) => {
    namesAtRun.current = new Map(selected.map((id) => [id, names.get(id) ?? `#${id}`]));
    mutations[action].mutate({ characterIds: selected });
  };
  const none = selected.length === 0;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Actions on the selected characters">
        <span className="text-sm text-slate-300" data-testid="selected-count">
          {selected.length} selected
        </span>
        {(["updateNow", "enable", "disable", "resetTokenNotification"] as const).map((action) => (
          <Button
            key={action}
            disabled={none || pending}
            onClick={() => run(action)}
            variant={action === "updateNow" ? "primary" : "secondary"}
          >
            {LABELS[action]}
          </Button>
        ))}
        {!confirmingDelete ? (
          <Button disabled={none || pending} onClick={() => setConfirmingDelete(true)} className="text-red-300">
            Delete…
          </Button>
        ) : (
          <span className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-red-200">
              Delete {selected.length} characters with all their data and revoke their tokens?
            </span>
            <button
              type="button"
              disabled={none || pending}
              onClick={() => run("delete")}
              className="rounded bg-red-700 px-3 py-1 text-white hover:bg-red-600 disabled:opacity-50"
            >
              Confirm delete
            </button>
            <Button onClick={() => setConfirmingDelete(false)}>Cancel</Button>
          </span>
        )}
      </div>
      <ErrorMessage error={error} />
      <div role="status" aria-live="polite" data-testid="action-outcomes" className="text-sm">
        {result && (
          <>
            <p className="text-slate-200">{LABELS[result.action]}:</p>
            <ul className="list-inside list-disc">
              {result.outcomes.map((o) => (
                <li key={o.characterId} className={o.outcome === "done" ? "text-emerald-300" : "text-amber-300"}>
                  {result.names.get(o.characterId) ?? `#${o.characterId}`}: {o.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
