import { AssetsBrowser } from "~/components/sheet/assets-browser";
import { EmptyState } from "~/components/sheet/empty-state";
import { assetLocations } from "~/server/sheet/assets";
import { loadSheet } from "~/web/sheet";

export default async function AssetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const { totals, locations } = await assetLocations(db, character.id);
  return (
    <section className="rounded-lg border border-ink-700 bg-ink-900 p-4">
      <h2 className="mb-3 text-lg font-semibold text-slate-100">Assets</h2>
      {locations.length === 0 ? (
        <EmptyState>No assets stored for this character yet.</EmptyState>
      ) : (
        <AssetsBrowser characterId={character.id} totals={totals} locations={locations} />
      )}
    </section>
  );
}
