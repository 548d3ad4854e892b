import { ContractsBrowser } from "~/components/sheet/contracts-browser";
import { EmptyState } from "~/components/sheet/empty-state";
import { contractFilterOptions, contractsList } from "~/server/sheet/contracts";
import { loadSheet } from "~/web/sheet";

export default async function ContractsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const [page, options] = await Promise.all([
    contractsList(db, character.id, { limit: 50 }),
    contractFilterOptions(db, character.id),
  ]);
  if (page.rows.length === 0) return <EmptyState>No contracts loaded yet.</EmptyState>;
  return <ContractsBrowser characterId={character.id} initialPage={page} options={options} />;
}
