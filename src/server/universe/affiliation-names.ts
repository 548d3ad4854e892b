// Copies corporation and alliance names from the shared entity table onto characters,
// so lists can sort and filter by name without a join per row.
import type { Db } from "~/server/db/client";

export async function syncAffiliationNames(db: Db, characterIds: number[]): Promise<number> {
  const characters = await db.eveCharacter.findMany({
    where: { id: { in: characterIds } },
    select: { id: true, corporationId: true, allianceId: true, corporationName: true, allianceName: true },
  });
  const ids = characters.flatMap((c) => [c.corporationId, c.allianceId]).filter((id): id is number => id !== null);
  const names = new Map((await db.eveEntity.findMany({ where: { id: { in: ids } } })).map((e) => [e.id, e.name]));
  let changed = 0;
  for (const c of characters) {
    const corporationName = c.corporationId === null ? null : (names.get(c.corporationId) ?? null);
    const allianceName = c.allianceId === null ? null : (names.get(c.allianceId) ?? null);
    if (corporationName === c.corporationName && allianceName === c.allianceName) continue;
    await db.eveCharacter.update({ where: { id: c.id }, data: { corporationName, allianceName } });
    changed += 1;
  }
  return changed;
}
