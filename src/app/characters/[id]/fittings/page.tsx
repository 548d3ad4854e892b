import { FittingsList } from "~/components/sheet/fittings-list";
import { fittingsSheet } from "~/server/sheet/fittings";
import { loadSheet } from "~/web/sheet";

export default async function FittingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  return <FittingsList fittings={await fittingsSheet(db, character.id)} />;
}
