import type { IndustrySheet } from "~/server/sheet/industry";
import { EmptyState } from "./empty-state";
import { formatEveTime, formatInteger, formatIsk } from "./format";

const cell = "px-3 py-1.5";
const head = "text-left text-xs uppercase text-slate-500";
const JOB_STATUS_COLOUR: Record<string, string> = {
  active: "text-sky-300",
  ready: "text-emerald-300",
  paused: "text-amber-300",
  cancelled: "text-red-300",
};

export function BlueprintsTable({ blueprints }: { blueprints: IndustrySheet["blueprints"] }) {
  if (blueprints.length === 0) return <EmptyState>No blueprints.</EmptyState>;
  return (
    <table className="w-full text-sm" data-testid="blueprints-table">
      <thead className={head}>
        <tr>
          <th className={cell}>Blueprint</th>
          <th className={`${cell} text-right`}>ME</th>
          <th className={`${cell} text-right`}>TE</th>
          <th className={`${cell} text-right`}>Runs</th>
          <th className={`${cell} text-right`}>Qty</th>
          <th className={cell}>Location</th>
        </tr>
      </thead>
      <tbody>
        {blueprints.map((b) => (
          <tr key={b.itemId} className="border-t border-ink-700">
            <td className={`${cell} text-slate-200`}>
              {b.typeName}
              {b.isCopy && <span className="ml-2 text-xs text-sky-300">[BPC]</span>}
            </td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>{b.materialEfficiency}</td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>{b.timeEfficiency}</td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>
              {b.runs === null ? "∞" : formatInteger(b.runs)}
            </td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>{formatInteger(b.quantity)}</td>
            <td className={`${cell} text-slate-400`}>{b.locationName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IndustryJobsTable({ jobs }: { jobs: IndustrySheet["jobs"] }) {
  if (jobs.length === 0) return <EmptyState>No industry jobs.</EmptyState>;
  return (
    <table className="w-full text-sm" data-testid="industry-jobs-table">
      <thead className={head}>
        <tr>
          <th className={cell}>Activity</th>
          <th className={cell}>Status</th>
          <th className={cell}>Blueprint</th>
          <th className={cell}>Product</th>
          <th className={`${cell} text-right`}>Runs</th>
          <th className={cell}>Facility</th>
          <th className={cell}>Ends</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr key={j.jobId} className="border-t border-ink-700">
            <td className={`${cell} text-slate-300`}>{j.activity}</td>
            <td className={`${cell} capitalize ${JOB_STATUS_COLOUR[j.status] ?? "text-slate-400"}`}>{j.status}</td>
            <td className={`${cell} text-slate-200`}>{j.blueprintTypeName}</td>
            <td className={`${cell} text-slate-300`}>{j.productTypeName ?? "–"}</td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>{formatInteger(j.runs)}</td>
            <td className={`${cell} text-slate-400`}>{j.facilityName}</td>
            <td className={`${cell} text-slate-400`}>{formatEveTime(j.endDate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MarketOrdersTable({ orders }: { orders: IndustrySheet["orders"] }) {
  if (orders.length === 0) return <EmptyState>No market orders.</EmptyState>;
  return (
    <table className="w-full text-sm" data-testid="market-orders-table">
      <thead className={head}>
        <tr>
          <th className={cell}>Kind</th>
          <th className={cell}>Type</th>
          <th className={`${cell} text-right`}>Price</th>
          <th className={`${cell} text-right`}>Volume</th>
          <th className={cell}>Location</th>
          <th className={cell}>State</th>
          <th className={cell}>Issued</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.orderId} className="border-t border-ink-700">
            <td className={`${cell} ${o.isBuyOrder ? "text-amber-300" : "text-emerald-300"}`}>
              {o.isBuyOrder ? "Buy" : "Sell"}
            </td>
            <td className={`${cell} text-slate-200`}>{o.typeName}</td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>{formatIsk(o.price)}</td>
            <td className={`${cell} text-right tabular-nums text-slate-300`}>
              {formatInteger(o.volumeRemain)} / {formatInteger(o.volumeTotal)}
            </td>
            <td className={`${cell} text-slate-400`}>{o.locationName}</td>
            <td className={`${cell} capitalize text-slate-400`}>{o.state}</td>
            <td className={`${cell} text-slate-400`}>{formatEveTime(o.issued)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
