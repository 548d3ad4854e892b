"use client";
// /admin/status: the install at a glance, polled every few seconds through tRPC (no
// page reload). Queue first (what is waiting and failing), then sections, ESI, tokens.
import { useQuery } from "@tanstack/react-query";
import { ErrorMessage } from "~/components/error-message";
import { formatEveTime } from "~/components/sheet/format";
import { Panel } from "~/components/ui/panel";
import { Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { BarChart } from "./bar-chart";
import { ageText, EsiPanel, ScrollRegion, SectionsPanel, TokensPanel } from "./status-panels";

export const REFRESH_MS = 5000;

type Overview = RouterOutputs["status"]["overview"];

export function StatusDashboard() {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.status.overview.queryOptions(undefined, { refetchInterval: REFRESH_MS, refetchIntervalInBackground: false }),
  );
  const data = query.data;
  return (
    <div className="space-y-4" data-testid="status-dashboard">
      <p className="text-sm text-slate-300" aria-live="polite">
        {data ? `Updated ${formatEveTime(data.generatedAt)}; refreshes every ${REFRESH_MS / 1000} s.` : "Loading…"}
      </p>
      <ErrorMessage error={query.error} />
      {data && (
        <>
          <QueuePanel queue={data.queue} engine={data.engine} runs={data.runs} />
          <SectionsPanel sections={data.sections} />
          <Panel title="Section failures, last 24 hours">
            <BarChart
              title="Failed section runs by hour (UTC)"
              unit="Failures"
              testId="failures-chart"
              bars={data.failuresByHour.map((h) => ({
                key: String(new Date(h.hour).getTime()),
                label: new Date(h.hour).toISOString().slice(11, 13),
                value: h.failures,
              }))}
            />
          </Panel>
          <EsiPanel esi={data.esi} />
          <TokensPanel tokens={data.tokens} />
        </>
      )}
    </div>
  );
}

type QueueFailures = Overview["queue"]["failures"];

function FailuresTable({ failures, caption }: { failures: QueueFailures; caption: string }) {
  return (
    <>
      <h3 className="text-base font-semibold text-slate-100">Last failures</h3>
      <ScrollRegion label="Last failures table">
        <Table
          caption={caption}
          look="plain"
          density="compact"
          rows={failures}
          rowKey={(f) => `${f.id}`}
          empty="No failed runs."
          testId="queue-failures"
          columns={[
            { header: "When", cell: (f) => formatEveTime(f.at) },
            { header: "Function", cell: (f) => f.name, className: "break-all" },
            { header: "State", cell: (f) => f.state },
            { header: "Attempts", cell: (f) => f.attempts, numeric: true },
            { header: "Reason", cell: (f) => f.reason, className: "break-words" },
          ]}
        />
      </ScrollRegion>
    </>
  );
}

/** Under Inngest: the app's own records of the runs (job_run_records), beside the dashboard link. */
function RunRecords({ runs }: { runs: NonNullable<Overview["runs"]> }) {
  return (
    <div className="space-y-4">
      <ScrollRegion label="Job runs table">
        <Table
          caption="Runs per job function, as this app recorded them"
          look="plain"
          rows={runs.functions}
          rowKey={(f) => f.name}
          rowTestId={(f) => `runs-${f.name}`}
          empty="No runs recorded yet."
          columns={[
            { header: "Function", cell: (f) => f.name, rowHeader: true, className: "break-all" },
            { header: "Running", cell: (f) => f.running, numeric: true },
            { header: "Retrying", cell: (f) => f.retrying, numeric: true },
            { header: "Completed 24 h", cell: (f) => f.completed24h, numeric: true },
            { header: "Failed 24 h", cell: (f) => f.failed24h, numeric: true },
            { header: "Last ended", cell: (f) => (f.lastEndedAt ? formatEveTime(f.lastEndedAt) : "–") },
          ]}
        />
      </ScrollRegion>
      <FailuresTable failures={runs.failures} caption="The last 100 failed or retrying runs, newest first" />
    </div>
  );
}

/** The queue: pg-boss's tables on the embedded runner; under Inngest, the dashboard link and the app's run records. */
export function QueuePanel({ queue, engine, runs }: Pick<Overview, "queue" | "engine" | "runs">) {
  return (
    <Panel title="Job queue" data-testid="queue-panel">
      {engine.kind === "inngest" && (
        <p className="mb-3 text-sm text-slate-300">
          Jobs run on Inngest: each run's steps, retries and the event that started it are in the{" "}
          <a className="text-sky-300 underline" href={engine.dashboardUrl} rel="noreferrer" target="_blank">
            Inngest dashboard
          </a>
          . Below, the runs as this app recorded them.
        </p>
      )}
      {runs && <RunRecords runs={runs} />}
      {engine.kind === "embedded" && !queue.available && (
        <p className="text-sm text-slate-300">The job queue is not installed yet: the runner creates it at start.</p>
      )}
      {engine.kind === "embedded" && queue.available && (
        <div className="space-y-4">
          <ScrollRegion label="Job functions table">
            <Table
              caption="Runs per job function"
              look="plain"
              rows={queue.functions}
              rowKey={(f) => f.name}
              rowTestId={(f) => `queue-${f.name}`}
              columns={[
                { header: "Function", cell: (f) => f.name, rowHeader: true, className: "break-all" },
                { header: "Waiting", cell: (f) => f.waiting, numeric: true },
                { header: "Delayed", cell: (f) => f.delayed, numeric: true },
                { header: "Running", cell: (f) => f.running, numeric: true },
                { header: "Retrying", cell: (f) => f.retrying, numeric: true },
                { header: "Failed", cell: (f) => f.failed, numeric: true },
                {
                  header: "Oldest waiting",
                  cell: (f) => (f.oldestWaitingSeconds === null ? "–" : ageText(f.oldestWaitingSeconds)),
                  numeric: true,
                },
              ]}
            />
          </ScrollRegion>
          <FailuresTable failures={queue.failures} caption="The last 100 failed or retrying runs, newest first" />
        </div>
      )}
    </Panel>
  );
}
