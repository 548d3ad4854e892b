import { BioPanel } from "~/components/sheet/bio-panel";
import { bioSheet } from "~/server/sheet/bio";
import { loadSheet } from "~/web/sheet";

export default async function BioPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  return <BioPanel bio={await bioSheet(db, character.id)} />;
}
