import { AssetsBrowser } from "~/components/sheet/assets-browser";
import { EmptyState } from "~/components/sheet/empty-state";
import { Panel } from "~/components/ui/panel";
import { assetLocations } from "~/server/sheet/assets";
import { loadSheet } from "~/web/sheet";

export default async function AssetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const { totals, locations } = await assetLocations(db, character.id);
  return (
    <Panel title="Assets">
      {locations.length === 0 ? (
        <EmptyState>No assets stored for this character yet.</EmptyState>
      ) : (
        <AssetsBrowser characterId={character.id} totals={totals} locations={locations} />
      )}
    </Panel>
  );
}
