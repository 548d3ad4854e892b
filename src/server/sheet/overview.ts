// The sheet's overview: the facts a recruiter looks at first, read in one round of
// queries from the sections that hold them. Names come from the shared name tables;
// anything not loaded yet is null and shown as such.
import { viewableCharactersWhere } from "~/server/access/character-access";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";

export async function readOverview(db: Db, characterId: number) {
  const c = await db.character.findUniqueOrThrow({
    where: { id: characterId },
    select: {
      eveCharacter: { select: { birthday: true, securityStatus: true, factionId: true } },
      details: { select: { securityStatus: true, birthday: true, title: true } },
      location: { select: { solarSystemId: true, locationId: true } },
      ship: { select: { typeId: true, name: true } },
      onlineStatus: { select: { lastLogin: true, lastLogout: true, logins: true } },
      walletBalance: { select: { total: true } },
      skillpoints: { select: { total: true, unallocated: true } },
      corporationHistory: { orderBy: { startDate: "desc" }, take: 8, select: { corporationId: true, startDate: true, isDeleted: true } },
    },
  });
  const corporationIds = c.corporationHistory.map((h) => h.corporationId);
  const [entities, places, shipType] = await Promise.all([
    db.eveEntity.findMany({ where: { id: { in: corporationIds } }, select: { id: true, name: true } }),
    c.location
      ? db.location.findMany({ where: { id: { in: [c.location.locationId, BigInt(c.location.solarSystemId)] } }, select: { id: true, name: true } })
      : Promise.resolve([]),
    c.ship ? db.eveType.findUnique({ where: { id: c.ship.typeId }, select: { name: true } }) : Promise.resolve(null),
  ]);
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const placeName = new Map(places.map((p) => [p.id, p.name]));
  // Each stint lasts until the next (newer) one began; the newest lasts until now.
  const history = c.corporationHistory.map((h, i) => ({
    corporationId: h.corporationId,
    corporationName: entityName.get(h.corporationId) ?? null,
    startDate: h.startDate,
    endDate: i === 0 ? null : c.corporationHistory[i - 1]!.startDate,
    isDeleted: h.isDeleted,
  }));
  return {
    securityStatus: c.details?.securityStatus ?? c.eveCharacter.securityStatus,
    birthday: c.details?.birthday ?? c.eveCharacter.birthday,
    title: c.details?.title ?? null,
    location: c.location
      ? {
          name: placeName.get(c.location.locationId) ?? null,
          solarSystemName: placeName.get(BigInt(c.location.solarSystemId)) ?? null,
          solarSystemId: c.location.solarSystemId,
        }
      : null,
    ship: c.ship ? { typeId: c.ship.typeId, typeName: shipType?.name ?? null, name: c.ship.name } : null,
    online: c.onlineStatus,
    walletBalance: c.walletBalance ? Number(c.walletBalance.total) : null,
    skillpoints: c.skillpoints ? { total: Number(c.skillpoints.total), unallocated: c.skillpoints.unallocated === null ? null : Number(c.skillpoints.unallocated) } : null,
    corporationHistory: history,
  };
}

export type Overview = Awaited<ReturnType<typeof readOverview>>;

/** The owner's other registered characters the viewer may also open (the sheet's switcher). */
export async function siblingCharacters(db: Db, viewer: Viewer, ownerUserId: string | null) {
  if (!ownerUserId) return [];
  const rows = await db.character.findMany({
    where: { AND: [{ eveCharacter: { ownership: { userId: ownerUserId } } }, viewableCharactersWhere(viewer)] },
    select: { id: true, eveCharacter: { select: { name: true } } },
    orderBy: { eveCharacter: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.id, name: r.eveCharacter.name }));
}
