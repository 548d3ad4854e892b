import type { ReactNode } from "react";
import { SheetHeader } from "~/components/sheet/sheet-header";
import { SheetTabNav } from "~/components/sheet/tab-nav";
import { siblingCharacters } from "~/server/sheet/overview";
import { loadSheet, loadSheetStatus } from "~/web/sheet";

export default async function CharacterSheetLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { db, viewer, character } = await loadSheet((await params).id);
  const [status, siblings] = await Promise.all([
    loadSheetStatus(character.id),
    siblingCharacters(db, viewer, character.eveCharacter.ownership?.userId ?? null),
  ]);
  const failed = status?.sections.filter((s) => s.state === "error").map((s) => s.section) ?? [];
  return (
    <div>
      <SheetHeader character={character} siblings={siblings} />
      <SheetTabNav characterId={character.id} failedSections={failed} />
      {children}
    </div>
  );
}
