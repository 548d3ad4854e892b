import { ContactsTable } from "~/components/sheet/contacts-table";
import { EmptyState } from "~/components/sheet/empty-state";
import { contactsSheet } from "~/server/sheet/contacts";
import { loadSheet } from "~/web/sheet";

export default async function ContactsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const sheet = await contactsSheet(db, character.id);
  if (sheet.total === 0) return <EmptyState>No contacts loaded yet.</EmptyState>;
  return <ContactsTable sheet={sheet} />;
}
