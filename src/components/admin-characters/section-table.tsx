"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ErrorMessage } from "~/components/error-message";
import { formatEveTime } from "~/components/sheet/format";
import { Panel } from "~/components/ui/panel";
import { Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";

type Section = RouterOutputs["adminCharacters"]["sections"]["sections"][number];

const STATE_CLASS: Record<Section["state"], string> = {
  ok: "text-emerald-300",
  error: "text-red-300",
  in_progress: "text-sky-300",
  pending: "text-slate-300",
};

function nextDue(due: Section["nextDue"]): string {
  if (due.kind === "never") return due.reason === "disabled" ? "never (disabled)" : "never (token)";
  if (due.kind === "next_scan") return "next scan";
  return formatEveTime(due.at);
}

const seconds = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(1)} s`);

/** One character's sections, for the row the administrator opened. */
export function SectionTable({
  characterId,
  onClose,
  refreshing,
}: {
  characterId: number;
  onClose(): void;
  refreshing: boolean;
}) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.adminCharacters.sections.queryOptions({ characterId }, { refetchInterval: refreshing ? 2000 : false }),
  );
  const headingId = `sections-${characterId}`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row's button (mounted per character): the keyboard lands on the table it asked for.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Panel id={`sections-panel-${characterId}`} aria-labelledby={headingId} data-testid="section-table">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} ref={heading} className="text-lg font-semibold text-slate-100" tabIndex={-1}>
          Sections of {query.data?.name ?? `#${characterId}`}
        </h2>
        <button type="button" onClick={onClose} className="rounded border border-ink-700 px-3 py-1 text-sm">
          Close sections
        </button>
      </div>
      <ErrorMessage error={query.error} />
      <section
        aria-label={`Sections of ${query.data?.name ?? characterId}, scrolls sideways`}
        className="relative overflow-x-auto"
      >
        <Table
          caption={`Update status by section of ${query.data?.name ?? characterId}`}
          look="plain"
          density="compact"
          rows={query.data?.sections ?? []}
          rowKey={(s) => s.section}
          rowTestId={(s) => `admin-section-${s.section}`}
          columns={[
            { header: "Section", rowHeader: true, className: "font-normal text-slate-200", cell: (s) => s.label },
            { header: "State", className: (s) => STATE_CLASS[s.state], cell: (s) => s.state.replace("_", " ") },
            { header: "Last success", cell: (s) => formatEveTime(s.lastSuccessAt) },
            {
              header: "Last error",
              className: "text-red-300 break-words",
              cell: (s) => (s.errorMessage ? `${s.isTokenError ? "Token: " : ""}${s.errorMessage}` : "–"),
            },
            { header: "Duration", numeric: true, cell: (s) => seconds(s.durationMs) },
            { header: "Next due", cell: (s) => nextDue(s.nextDue) },
          ]}
        />
      </section>
    </Panel>
  );
}
