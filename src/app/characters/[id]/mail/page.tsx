import { EmptyState } from "~/components/sheet/empty-state";
import { MailBrowser } from "~/components/sheet/mail-browser";
import { mailFolders, mailHeaders, readMail } from "~/server/sheet/mail";
import { loadSheet, optionalId64Param } from "~/web/sheet";

export default async function MailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ mail?: string | string[] }>;
}) {
  const { db, character } = await loadSheet((await params).id);
  const mailId = optionalId64Param((await searchParams).mail);
  const [folders, page, mail] = await Promise.all([
    mailFolders(db, character.id),
    mailHeaders(db, character.id, { limit: 50 }),
    readMail(db, character.id, { mailId }),
  ]);
  if (page.rows.length === 0 && folders.labels.length === 0) return <EmptyState>No mail loaded yet.</EmptyState>;
  return <MailBrowser characterId={character.id} folders={folders} initialPage={page} initialMail={mail} />;
}
