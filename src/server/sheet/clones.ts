// The clones tab: the active clone's implants, jump clones with where they are and
// their implants, home station and jump dates, and the character's attributes with
// remap availability. Names fall back to ids when the shared tables lag behind.
import type { Db } from "~/server/db/client";
import { placeNames, typeNames } from "./name-lookups";

export interface SheetImplant {
  typeId: number;
  name: string;
}

export interface SheetPlace {
  id: number;
  name: string;
  /** The solar system's name when known. */
  solarSystemName: string | null;
}

export interface SheetJumpClone {
  jumpCloneId: number;
  name: string | null;
  location: SheetPlace;
  implants: SheetImplant[];
}

export interface ClonesSheet {
  implants: SheetImplant[];
  jumpClones: SheetJumpClone[];
  home: SheetPlace | null;
  lastCloneJumpDate: Date | null;
  lastStationChangeDate: Date | null;
  attributes: {
    charisma: number;
    intelligence: number;
    memory: number;
    perception: number;
    willpower: number;
    bonusRemaps: number | null;
    lastRemapDate: Date | null;
    /** When the next regular remap is possible; null = never remapped (available). */
    accruedRemapCooldownDate: Date | null;
    remapAvailable: boolean;
  } | null;
}

const byName = (a: SheetImplant, b: SheetImplant) => a.name.localeCompare(b.name) || a.typeId - b.typeId;

export async function clonesSheet(db: Db, characterId: number, now: Date = new Date()): Promise<ClonesSheet> {
  const [implants, clones, info, attributes] = await Promise.all([
    db.characterImplant.findMany({ where: { characterId } }),
    db.characterJumpClone.findMany({
      where: { characterId },
      include: { implants: true },
      orderBy: { jumpCloneId: "asc" },
    }),
    db.characterCloneInfo.findUnique({ where: { characterId } }),
    db.characterAttributes.findUnique({ where: { characterId } }),
  ]);
  const placeIds = [...clones.map((c) => c.locationId), ...(info?.homeLocationId != null ? [info.homeLocationId] : [])];
  const [types, places] = await Promise.all([
    typeNames(db, [...implants.map((i) => i.typeId), ...clones.flatMap((c) => c.implants.map((i) => i.typeId))]),
    db.location.findMany({ where: { id: { in: placeIds } }, select: { id: true, solarSystemId: true } }),
  ]);
  const systemOf = new Map(places.map((p) => [p.id, p.solarSystemId]));
  const names = await placeNames(db, [
    ...placeIds,
    ...places.flatMap((p) => (p.solarSystemId === null ? [] : [p.solarSystemId])),
  ]);
  // placeNames answers "#id" for what it cannot name.
  const known = (name: string | undefined) => (name && !name.startsWith("#") ? name : null);
  const place = (id: bigint): SheetPlace => {
    const system = systemOf.get(id) ?? null;
    return {
      id: Number(id),
      name: known(names.get(id.toString())) ?? `Unknown location #${id}`,
      solarSystemName: system === null || BigInt(system) === id ? null : known(names.get(String(system))),
    };
  };
  const implant = (typeId: number): SheetImplant => ({ typeId, name: types.get(typeId)!.name });
  return {
    implants: implants.map((i) => implant(i.typeId)).sort(byName),
    jumpClones: clones.map((c) => ({
      jumpCloneId: c.jumpCloneId,
      name: c.name,
      location: place(c.locationId),
      implants: c.implants.map((i) => implant(i.typeId)).sort(byName),
    })),
    home: info?.homeLocationId != null ? place(info.homeLocationId) : null,
    lastCloneJumpDate: info?.lastCloneJumpDate ?? null,
    lastStationChangeDate: info?.lastStationChangeDate ?? null,
    attributes: attributes && {
      charisma: attributes.charisma,
      intelligence: attributes.intelligence,
      memory: attributes.memory,
      perception: attributes.perception,
      willpower: attributes.willpower,
      bonusRemaps: attributes.bonusRemaps,
      lastRemapDate: attributes.lastRemapDate,
      accruedRemapCooldownDate: attributes.accruedRemapCooldownDate,
      remapAvailable: !attributes.accruedRemapCooldownDate || attributes.accruedRemapCooldownDate <= now,
    },
  };
}
