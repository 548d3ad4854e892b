// The status page's section, ESI and token panels: plain tables over the overview's
// figures, and the requests-per-minute chart.
import type { ReactNode } from "react";
import { formatEveTime } from "~/components/sheet/format";
import { Panel } from "~/components/ui/panel";
import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { BarChart } from "./bar-chart";

type Overview = RouterOutputs["status"]["overview"];

/** A wide table's own sideways scroll, named for screen readers; positioned, as sr-only captions are absolute. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section aria-label={`${label}, scrolls sideways`} className="relative overflow-x-auto">
      {children}
    </section>
  );
}

export function ageText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

const secondsText = (s: number | null) => (s === null ? "–" : s < 10 ? `${s.toFixed(2)} s` : `${Math.round(s)} s`);

export function SectionsPanel({ sections }: { sections: Overview["sections"] }) {
  return (
    <Panel title="Sections" data-testid="sections-panel">
      <ScrollRegion label="Sections table">
        <Table
          caption="Per section: the enabled characters' last runs"
          look="plain"
          density="compact"
          rows={sections}
          rowKey={(s) => s.section}
          rowTestId={(s) => `section-${s.section}`}
          columns={[
            { header: "Section", cell: (s) => s.section, rowHeader: true },
            { header: "OK", cell: (s) => s.ok, numeric: true },
            { header: "Error", cell: (s) => s.error, numeric: true },
            { header: "Stale", cell: (s) => s.stale, numeric: true },
            { header: "Token fault", cell: (s) => s.tokenFault, numeric: true },
            { header: "Running", cell: (s) => s.running, numeric: true },
            { header: "Last success", cell: (s) => (s.lastSuccess ? formatEveTime(s.lastSuccess) : "never") },
            {
              header: "p50",
              headerTitle: "Median run duration",
              cell: (s) => secondsText(s.p50Seconds),
              numeric: true,
            },
            {
              header: "p95",
              headerTitle: "95th percentile run duration",
              cell: (s) => secondsText(s.p95Seconds),
              numeric: true,
            },
            { header: "Failures 24 h", cell: (s) => s.failures24h, numeric: true },
          ]}
        />
      </ScrollRegion>
    </Panel>
  );
}

export function EsiPanel({ esi }: { esi: Overview["esi"] }) {
  const limit = esi.errorLimit;
  const share = esi.notModifiedShare === null ? "–" : `${Math.round(esi.notModifiedShare * 100)} %`;
  const facts: [string, string][] = [
    [
      "Error-limit budget left",
      limit?.remain === null || !limit ? "unknown (no error reported this window)" : String(limit.remain),
    ],
    ["Budget resets", limit?.resetAt ? formatEveTime(limit.resetAt) : "–"],
    ["Paused by a 420 until", limit?.pausedUntil ? formatEveTime(limit.pausedUntil) : "not paused"],
    [`Requests since ${formatEveTime(esi.since)} (this process)`, String(esi.requests)],
    ["Answered 304 Not Modified", share],
    ["420 Error limited", String(esi.errorLimited420)],
    ["429 Rate limited", String(esi.rateLimited429)],
  ];
  return (
    <Panel title="ESI" data-testid="esi-panel">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {facts.map(([term, value]) => (
          <div key={term} className="flex justify-between gap-4 border-b border-ink-800 py-1">
            <dt className="text-slate-300">{term}</dt>
            <dd className="text-right tabular-nums text-slate-100">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-4 mb-2 text-base font-semibold text-slate-100">Rate-limit buckets near empty</h3>
      <Table
        caption="Rate-limit buckets at or below a fifth of their limit, or paused by a 429"
        look="plain"
        density="compact"
        rows={esi.bucketsNearEmpty}
        rowKey={(b) => b.key}
        empty="No bucket is near empty."
        columns={[
          { header: "Bucket", cell: (b) => b.key, rowHeader: true, className: "break-all" },
          { header: "Left", cell: (b) => b.remaining ?? "?", numeric: true },
          { header: "Limit", cell: (b) => b.limit ?? "?", numeric: true },
          { header: "Paused until", cell: (b) => (b.pausedUntil ? formatEveTime(b.pausedUntil) : "–") },
        ]}
      />
      <div className="mt-4">
        <BarChart
          title="ESI requests per minute, last 30 minutes (this process, UTC)"
          unit="Requests"
          testId="esi-rpm-chart"
          bars={esi.perMinute.map((m) => ({
            key: String(new Date(m.minute).getTime()),
            label: new Date(m.minute).toISOString().slice(11, 16),
            value: m.requests,
          }))}
        />
      </div>
    </Panel>
  );
}

export function TokensPanel({ tokens }: { tokens: Overview["tokens"] }) {
  const rows = [
    { label: "Valid", value: tokens.valid },
    { label: "Invalid (owner must sign in again)", value: tokens.invalid },
    { label: "Valid, access token expiring within 5 minutes (refreshed on next use)", value: tokens.expiring },
    { label: "Enabled characters without a token", value: tokens.withoutToken },
  ];
  return (
    <Panel title="Tokens" data-testid="tokens-panel">
      <Table
        caption="ESI tokens"
        look="plain"
        density="compact"
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { header: "Tokens", cell: (r) => r.label, rowHeader: true },
          { header: "Count", cell: (r) => r.value, numeric: true },
        ]}
      />
    </Panel>
  );
}
