// Users for the compliance tests and benchmark: a main and alts, each signed in with
// (an ownership) and registered or not, in a group granting basic_access.
import type { Db } from "~/server/db/client";

export interface PilotSpec {
  id: string;
  /** Character ids; the first is the main. */
  characters: number[];
  /** Characters signed in with but never registered (a subset of `characters`). */
  unregistered?: number[];
  corporationId?: number;
  allianceId?: number;
  birthday?: Date;
  lastLoginAt?: Date;
  isActive?: boolean;
  /** Without basic_access the user is never compliant (Member Audit's rule). */
  basicAccess?: boolean;
}

/** The group granting basic_access the pilots join, made once per database. */
export async function membersGroup(db: Db): Promise<string> {
  const group = await db.group.upsert({
    where: { name: "Members" },
    create: { name: "Members", permissions: ["basic_access"] },
    update: {},
  });
  return group.id;
}

export async function addPilot(db: Db, spec: PilotSpec): Promise<void> {
  const members = await membersGroup(db);
  const [main] = spec.characters;
  for (const id of spec.characters) {
    await db.eveCharacter.create({
      data: {
        id,
        name: `Pilot ${id}`,
        corporationId: spec.corporationId ?? 98000001,
        allianceId: spec.allianceId ?? null,
        birthday: id === main ? (spec.birthday ?? null) : null,
      },
    });
  }
  await db.user.create({
    data: {
      id: spec.id,
      mainCharacterId: main,
      isActive: spec.isActive ?? true,
      lastLoginAt: spec.lastLoginAt ?? null,
      memberships: spec.basicAccess === false ? undefined : { create: { groupId: members } },
      ownerships: { create: spec.characters.map((characterId) => ({ characterId, ownerHash: `h${characterId}` })) },
    },
  });
  const registered = spec.characters.filter((id) => !spec.unregistered?.includes(id));
  if (registered.length > 0) await db.character.createMany({ data: registered.map((id) => ({ id })) });
}

/** Signs the user in with one more character they never register: no longer compliant. */
export async function addUnregisteredAlt(db: Db, userId: string, characterId: number): Promise<void> {
  await db.eveCharacter.create({ data: { id: characterId, name: `Pilot ${characterId}` } });
  await db.characterOwnership.create({ data: { characterId, userId, ownerHash: `h${characterId}` } });
}

export const membersOf = async (db: Db, groupId: string) =>
  (await db.groupMembership.findMany({ where: { groupId }, orderBy: { userId: "asc" } })).map((m) => m.userId);
