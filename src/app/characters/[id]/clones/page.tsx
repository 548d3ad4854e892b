import { ClonesAttributes, ClonesImplants, ClonesInfo, ClonesJumpClones } from "~/components/sheet/clones-panels";
import { EmptyState } from "~/components/sheet/empty-state";
import { clonesSheet } from "~/server/sheet/clones";
import { loadSheet } from "~/web/sheet";

export default async function ClonesPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const sheet = await clonesSheet(db, character.id);
  const panel = "rounded-lg border border-ink-700 bg-ink-900 p-4";
  const heading = "mb-3 text-lg font-semibold text-slate-100";
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section className={`${panel} lg:col-span-2`}>
        <h2 className={heading}>Jump clones</h2>
        <ClonesJumpClones clones={sheet.jumpClones} />
      </section>
      <section className={panel}>
        <h2 className={heading}>Active implants</h2>
        <ClonesImplants implants={sheet.implants} />
      </section>
      <section className={panel}>
        <h2 className={heading}>Clone</h2>
        <ClonesInfo sheet={sheet} />
      </section>
      <section className={panel}>
        <h2 className={heading}>Attributes</h2>
        {sheet.attributes ? (
          <ClonesAttributes attributes={sheet.attributes} />
        ) : (
          <EmptyState>No attributes stored yet.</EmptyState>
        )}
      </section>
    </div>
  );
}
