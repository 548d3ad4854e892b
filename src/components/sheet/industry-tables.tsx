import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { EmptyState } from "./empty-state";
import { formatEveTime, formatInteger, formatIsk } from "./format";

type IndustrySheet = RouterOutputs["sheet"]["industry"]["get"];

const JOB_STATUS_COLOUR: Record<string, string> = {
  active: "text-sky-300",
  ready: "text-emerald-300",
  paused: "text-amber-300",
  cancelled: "text-red-300",
};

export function BlueprintsTable({ blueprints }: { blueprints: IndustrySheet["blueprints"] }) {
  if (blueprints.length === 0) return <EmptyState>No blueprints.</EmptyState>;
  return (
    <Table
      caption="Blueprints"
      testId="blueprints-table"
      rows={blueprints}
      rowKey={(b) => b.itemId}
      columns={[
        {
          header: "Blueprint",
          className: "text-slate-200",
          cell: (b) => (
            <>
              {b.typeName}
              {b.isCopy && <span className="ml-2 text-xs text-sky-300">[BPC]</span>}
            </>
          ),
        },
        { header: "ME", numeric: true, className: "text-slate-300", cell: (b) => b.materialEfficiency },
        { header: "TE", numeric: true, className: "text-slate-300", cell: (b) => b.timeEfficiency },
        {
          header: "Runs",
          numeric: true,
          className: "text-slate-300",
          cell: (b) => (b.runs === null ? "∞" : formatInteger(b.runs)),
        },
        { header: "Qty", numeric: true, className: "text-slate-300", cell: (b) => formatInteger(b.quantity) },
        { header: "Location", className: "text-slate-400", cell: (b) => b.locationName },
      ]}
    />
  );
}

export function IndustryJobsTable({ jobs }: { jobs: IndustrySheet["jobs"] }) {
  if (jobs.length === 0) return <EmptyState>No industry jobs.</EmptyState>;
  return (
    <Table
      caption="Industry jobs"
      testId="industry-jobs-table"
      rows={jobs}
      rowKey={(j) => j.jobId}
      columns={[
        { header: "Activity", className: "text-slate-300", cell: (j) => j.activity },
        {
          header: "Status",
          className: (j) => `capitalize ${JOB_STATUS_COLOUR[j.status] ?? "text-slate-400"}`,
          cell: (j) => j.status,
        },
        { header: "Blueprint", className: "text-slate-200", cell: (j) => j.blueprintTypeName },
        { header: "Product", className: "text-slate-300", cell: (j) => j.productTypeName ?? "–" },
        { header: "Runs", numeric: true, className: "text-slate-300", cell: (j) => formatInteger(j.runs) },
        { header: "Facility", className: "text-slate-400", cell: (j) => j.facilityName },
        { header: "Ends", className: "text-slate-400", cell: (j) => formatEveTime(j.endDate) },
      ]}
    />
  );
}

export function MarketOrdersTable({ orders }: { orders: IndustrySheet["orders"] }) {
  if (orders.length === 0) return <EmptyState>No market orders.</EmptyState>;
  return (
    <Table
      caption="Market orders"
      testId="market-orders-table"
      rows={orders}
      rowKey={(o) => o.orderId}
      columns={[
        {
          header: "Kind",
          className: (o) => (o.isBuyOrder ? "text-amber-300" : "text-emerald-300"),
          cell: (o) => (o.isBuyOrder ? "Buy" : "Sell"),
        },
        { header: "Type", className: "text-slate-200", cell: (o) => o.typeName },
        { header: "Price", numeric: true, className: "text-slate-300", cell: (o) => formatIsk(o.price) },
        {
          header: "Volume",
          numeric: true,
          className: "text-slate-300",
          cell: (o) => `${formatInteger(o.volumeRemain)} / ${formatInteger(o.volumeTotal)}`,
        },
        { header: "Location", className: "text-slate-400", cell: (o) => o.locationName },
        { header: "State", className: "capitalize text-slate-400", cell: (o) => o.state },
        { header: "Issued", className: "text-slate-400", cell: (o) => formatEveTime(o.issued) },
      ]}
    />
  );
}
