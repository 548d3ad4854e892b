import { CorporationHistoryTable, FactionWarfarePanel, TitlesAndRoles } from "~/components/sheet/corporation-panels";
import { corporationSheet } from "~/server/sheet/corporation";
import { loadSheet } from "~/web/sheet";

export default async function CorporationPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const sheet = await corporationSheet(db, character.id);
  const panel = "rounded-lg border border-ink-700 bg-ink-900 p-4";
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section className={`${panel} lg:col-span-2`}>
        <h2 className="mb-3 text-lg font-semibold text-slate-100">Corporation history</h2>
        <CorporationHistoryTable history={sheet.history} />
      </section>
      <div className="space-y-6">
        <section className={panel}>
          <h2 className="mb-3 text-lg font-semibold text-slate-100">Titles and roles</h2>
          <TitlesAndRoles titles={sheet.titles} roles={sheet.roles} />
        </section>
        <section className={panel}>
          <h2 className="mb-3 text-lg font-semibold text-slate-100">Faction warfare</h2>
          <FactionWarfarePanel fw={sheet.fw} />
        </section>
      </div>
    </div>
  );
}
