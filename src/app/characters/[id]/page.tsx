import { EveName } from "~/components/eve-image";
import { SectionStatusTable } from "~/components/section-status-table";
import { env } from "~/env";
import { formatEveTime, formatInteger, formatIsk } from "~/components/sheet/format";
import { readOverview } from "~/server/sheet/overview";
import { loadSheet, loadSheetStatus } from "~/web/sheet";

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div className="rounded border border-ink-700 bg-ink-900 p-3">
      <dt className="text-xs uppercase tracking-wide text-slate-400">{label}</dt>
      <dd className="mt-1 truncate text-slate-100" data-testid={`overview-${testId}`}>
        {value}
      </dd>
    </div>
  );
}

export default async function CharacterOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const [o, status] = await Promise.all([readOverview(db, character.id), loadSheetStatus(character.id)]);
  const security = o.securityStatus === null ? "–" : o.securityStatus.toFixed(1);
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Fact label="Wallet" testId="wallet" value={formatIsk(o.walletBalance)} />
        <Fact
          label="Skill points"
          testId="sp"
          value={o.skillpoints ? `${formatInteger(o.skillpoints.total)} SP` : "–"}
        />
        <Fact label="Security status" testId="security" value={security} />
        <Fact label="Last login" testId="last-login" value={formatEveTime(o.online?.lastLogin)} />
        <Fact label="Location" testId="location" value={o.location ? o.location.name : "–"} />
        <Fact label="Ship" testId="ship" value={o.ship ? `${o.ship.typeName} · ${o.ship.name}` : "–"} />
        <Fact label="Born" testId="birthday" value={formatEveTime(o.birthday)} />
        <Fact
          label="Unallocated SP"
          testId="unallocated"
          value={o.skillpoints?.unallocated ? formatInteger(o.skillpoints.unallocated) : "–"}
        />
      </dl>
      <section>
        <h2 className="mb-2 text-lg font-medium text-slate-100">Corporation history</h2>
        {o.corporationHistory.length === 0 ? (
          <p className="text-sm text-slate-400">Not loaded yet.</p>
        ) : (
          <ol
            className="divide-y divide-ink-700 rounded border border-ink-700 text-sm"
            data-testid="overview-corporation-history"
          >
            {o.corporationHistory.map((h) => (
              <li key={`${h.corporationId}-${h.startDate.toISOString()}`} className="flex justify-between px-3 py-1.5">
                <span className="text-slate-200">
                  <EveName
                    base={env().imageBaseUrl}
                    kind="corporation"
                    entity={{ id: h.corporationId, name: h.corporationName }}
                  />
                  {h.isDeleted && <span className="ml-2 text-xs text-slate-400">(closed)</span>}
                </span>
                <span className="text-slate-400">
                  {formatEveTime(h.startDate).slice(0, 10)} –{" "}
                  {h.endDate ? formatEveTime(h.endDate).slice(0, 10) : "now"}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {status && <SectionStatusTable status={status} />}
    </div>
  );
}
