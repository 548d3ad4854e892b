import type { ReactNode } from "react";
import { SheetHeader } from "~/components/sheet/sheet-header";
import { SheetTabNav } from "~/components/sheet/tab-nav";
import { ownerAlts } from "~/server/sheet/alts";
import { loadSheet, loadSheetStatus } from "~/web/sheet";

export default async function CharacterSheetLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { db, viewer, character } = await loadSheet((await params).id);
  const [status, alts] = await Promise.all([
    loadSheetStatus(character.id),
    ownerAlts(db, viewer, character.eveCharacter.ownership?.userId ?? null),
  ]);
  const failed = status?.sections.filter((s) => s.state === "error").map((s) => s.section) ?? [];
  return (
    <div>
      <SheetHeader character={character} alts={alts} />
      <SheetTabNav characterId={character.id} failedSections={failed} />
      {children}
    </div>
  );
}
