import { SectionStatusTable } from "~/components/section-status-table";
import { env } from "~/env";
import { loadSheet } from "~/server/sheet/page-access";
import { characterStatus } from "~/server/updates/character-status";

export default async function CharacterOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const status = await characterStatus(db, character.id, env().engine);
  return <div className="rounded-lg border border-ink-700 bg-ink-900 p-6">{status && <SectionStatusTable status={status} />}</div>;
}
