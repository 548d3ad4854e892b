import { ClonesAttributes, ClonesImplants, ClonesInfo, ClonesJumpClones } from "~/components/sheet/clones-panels";
import { EmptyState } from "~/components/sheet/empty-state";
import { Panel } from "~/components/ui/panel";
import { clonesSheet } from "~/server/sheet/clones";
import { loadSheet } from "~/web/sheet";

export default async function ClonesPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const sheet = await clonesSheet(db, character.id);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-3">
      <Panel title="Jump clones" className="lg:col-span-2">
        <ClonesJumpClones clones={sheet.jumpClones} />
      </Panel>
      <Panel title="Active implants">
        <ClonesImplants implants={sheet.implants} />
      </Panel>
      <Panel title="Clone">
        <ClonesInfo sheet={sheet} />
      </Panel>
      <Panel title="Attributes">
        {sheet.attributes ? (
          <ClonesAttributes attributes={sheet.attributes} />
        ) : (
          <EmptyState>No attributes stored yet.</EmptyState>
        )}
      </Panel>
    </div>
  );
}
