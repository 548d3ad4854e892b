import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { formatEveTime, formatInteger, formatIsk, formatVolume } from "./format";

type Contract = NonNullable<RouterOutputs["sheet"]["contracts"]["detail"]>;
type ContractItemRow = Contract["included"][number];

function Items({ title, items, testId }: { title: string; items: readonly ContractItemRow[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h3 className="mb-1 text-sm font-semibold text-slate-300">{title}</h3>
      <Table
        caption={title}
        look="plain"
        density="compact"
        hideHeader
        rows={items}
        rowKey={(i) => i.recordId}
        columns={[
          {
            header: "Item",
            className: "text-slate-200",
            cell: (i) => (
              <>
                {i.type.name}
                {i.blueprint && (
                  <span className="ml-1 text-xs text-slate-400">({i.blueprint === "copy" ? "copy" : "original"})</span>
                )}
              </>
            ),
          },
          { header: "Group", className: "text-slate-400", cell: (i) => i.type.groupName ?? "" },
          { header: "Quantity", numeric: true, cell: (i) => formatInteger(i.quantity) },
        ]}
      />
    </div>
  );
}

/** One contract's terms, its items either way and, for an auction, its bids. */
export function ContractDetail({ c }: { c: Contract }) {
  const fact = (label: string, value: string | null | undefined) =>
    value ? (
      <div className="flex justify-between gap-4 text-sm">
        <dt className="text-slate-400">{label}</dt>
        <dd className="text-right text-slate-200">{value}</dd>
      </div>
    ) : null;
  return (
    <article className="space-y-4">
      <header>
        <h2 className="text-lg font-semibold text-slate-100">{c.title || c.typeLabel}</h2>
        <p className="text-sm text-slate-400">
          {c.typeLabel} · {c.statusLabel} · {c.availability}
        </p>
      </header>
      <dl className="space-y-1">
        {fact(
          "Issuer",
          `${c.issuer.name} (${c.issuerCorporation.name})${c.forCorporation ? " for the corporation" : ""}`,
        )}
        {fact("Assignee", c.assignee?.name)}
        {fact("Acceptor", c.acceptor?.name)}
        {fact("Price", c.price ? formatIsk(c.price) : null)}
        {fact("Buyout", c.buyout ? formatIsk(c.buyout) : null)}
        {fact("Reward", c.reward ? formatIsk(c.reward) : null)}
        {fact("Collateral", c.collateral ? formatIsk(c.collateral) : null)}
        {fact("Volume", c.volume ? formatVolume(c.volume) : null)}
        {fact(c.endLocation ? "From" : "Location", c.startLocation?.name)}
        {fact("To", c.endLocation?.name)}
        {fact("Issued", formatEveTime(c.dateIssued))}
        {fact("Expires", formatEveTime(c.dateExpired))}
        {fact("Accepted", c.dateAccepted ? formatEveTime(c.dateAccepted) : null)}
        {fact("Completed", c.dateCompleted ? formatEveTime(c.dateCompleted) : null)}
        {fact("Days to complete", c.daysToComplete ? String(c.daysToComplete) : null)}
      </dl>
      <Items title="Items included" items={c.included} testId="contract-included" />
      <Items title="Items asked for" items={c.requested} testId="contract-requested" />
      {c.type === "auction" && (
        <div data-testid="contract-bids">
          <h3 className="mb-1 text-sm font-semibold text-slate-300">Bids</h3>
          {c.bids.length === 0 ? (
            <p className="text-sm text-slate-400">No bids.</p>
          ) : (
            <Table
              caption="Bids"
              look="plain"
              density="compact"
              hideHeader
              rows={c.bids}
              rowKey={(b) => b.bidId}
              columns={[
                { header: "Bidder", className: "text-slate-200", cell: (b) => b.bidder.name },
                { header: "Date", className: "text-slate-400", cell: (b) => formatEveTime(b.dateBid) },
                { header: "Amount", numeric: true, cell: (b) => formatIsk(b.amount) },
              ]}
            />
          )}
        </div>
      )}
    </article>
  );
}
