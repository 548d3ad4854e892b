import { formatCompact, formatInteger, formatIsk } from "~/components/sheet/format";
import { Panel } from "~/components/ui/panel";
import type { DashboardFigures } from "~/server/characters/dashboard";

function Figure({ id, label, value, detail }: { id: string; label: string; value: string; detail?: string }) {
  return (
    <Panel as="div" data-testid={`dashboard-${id}`}>
      <p className="text-xs uppercase tracking-wide text-slate-400">{label}</p>
      <p className="mt-1 text-xl font-semibold tabular-nums text-slate-100" title={detail}>
        {value}
      </p>
    </Panel>
  );
}

export function LauncherDashboard({ figures }: { figures: DashboardFigures }) {
  const share = figures.ownedCharacters
    ? Math.round((figures.registeredCharacters / figures.ownedCharacters) * 100)
    : 0;
  return (
    <section aria-label="Dashboard" className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <Figure
        id="registered"
        label="Registered characters"
        value={`${figures.registeredCharacters} of ${figures.ownedCharacters} (${share}%)`}
      />
      <Figure
        id="wallet"
        label="Total wallet ISK"
        value={`${formatCompact(figures.walletIsk)} ISK`}
        detail={formatIsk(figures.walletIsk)}
      />
      <Figure
        id="skillpoints"
        label="Total skill points"
        value={formatCompact(figures.skillpoints)}
        detail={`${formatInteger(figures.skillpoints)} SP`}
      />
      <Figure
        id="mined"
        label="Mined ISK this month"
        value={`${formatCompact(figures.minedIskThisMonth)} ISK`}
        detail={formatIsk(figures.minedIskThisMonth)}
      />
      <Figure
        id="ratted"
        label="Ratted ISK this month"
        value={`${formatCompact(figures.rattedIskThisMonth)} ISK`}
        detail={formatIsk(figures.rattedIskThisMonth)}
      />
    </section>
  );
}
