// The sheet's overview: the facts a recruiter looks at first, read in one round of
// queries from the sections that hold them. Names come from the shared name lookups
// (an id stands in for a name not loaded yet); a section not loaded yet is null.
import { viewableCharactersWhere } from "~/server/access/character-access";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { entityNames, placeName, placeNames, typeNames } from "./name-lookups";

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
      corporationHistory: {
        orderBy: { startDate: "desc" },
        take: 8,
        select: { corporationId: true, startDate: true, isDeleted: true },
      },
    },
  });
  const [corporations, places, types] = await Promise.all([
    entityNames(
      db,
      c.corporationHistory.map((h) => h.corporationId),
    ),
    placeNames(db, c.location ? [c.location.locationId, c.location.solarSystemId] : []),
    typeNames(db, [c.ship?.typeId]),
  ]);
  // Each stint lasts until the next (newer) one began; the newest lasts until now.
  const history = c.corporationHistory.map((h, i) => ({
    corporationId: h.corporationId,
    corporationName: corporations.get(h.corporationId)!,
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
          name: placeName(places, c.location.locationId)!,
          solarSystemName: placeName(places, c.location.solarSystemId)!,
        }
      : null,
    ship: c.ship ? { typeName: types.get(c.ship.typeId)!.name, name: c.ship.name } : null,
    online: c.onlineStatus,
    walletBalance: c.walletBalance ? Number(c.walletBalance.total) : null,
    skillpoints: c.skillpoints
      ? {
          total: Number(c.skillpoints.total),
          unallocated: c.skillpoints.unallocated === null ? null : Number(c.skillpoints.unallocated),
        }
      : null,
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
