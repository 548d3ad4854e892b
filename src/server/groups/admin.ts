// Managing groups, their members and permissions, and who holds what. Callers check
// that the actor is a superuser; these functions only keep the data consistent.
import { isPermission, PERMISSION_NAMES, type Permission } from "~/server/identity/permissions";
import { unshareWithoutPermission } from "~/server/sharing/shares";
import type { Db } from "~/server/db/client";
import { AppError, notFound } from "~/server/errors/app-error";
import { orNotFound } from "~/server/errors/missing-row";

const nameTaken = (name: string) =>
  new AppError("BAD_INPUT", `A group named "${name}" exists already.`, { fields: ["name"] });

export interface GroupInput {
  name: string;
  description: string;
  permissions: Permission[];
  isDefault: boolean;
}

export async function listGroups(db: Db) {
  const groups = await db.group.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { members: true } } },
  });
  return groups.map((g) => ({ ...g, permissions: g.permissions.filter(isPermission), memberCount: g._count.members }));
}

export async function getGroup(db: Db, id: string) {
  const group = await db.group.findUnique({
    where: { id },
    include: { members: { include: { user: { include: { mainCharacter: true } } }, orderBy: { createdAt: "asc" } } },
  });
  if (!group) throw notFound("Group");
  return group;
}

export async function createGroup(db: Db, input: GroupInput) {
  if (await db.group.findUnique({ where: { name: input.name } })) throw nameTaken(input.name);
  return db.group.create({ data: input });
}

/** Updating permissions may take share_characters away from members: their characters stop being shared. */
export async function updateGroup(db: Db, id: string, input: GroupInput) {
  if (input.isDefault) await refuseComplianceGroup(db, id, "new users cannot join it by default");
  const clash = await db.group.findFirst({ where: { name: input.name, NOT: { id } } });
  if (clash) throw nameTaken(input.name);
  const group = await orNotFound(db.group.update({ where: { id }, data: input }), "Group");
  await unshareWithoutPermission(db);
  return group;
}

export async function deleteGroup(db: Db, id: string) {
  await orNotFound(db.group.delete({ where: { id } }), "Group");
  await unshareWithoutPermission(db);
}

/** Unknown ids are NOT_FOUND either way, so that a typo is not taken for "was not a member". */
async function requireGroupAndUser(db: Db, groupId: string, userId: string): Promise<void> {
  const [group, user] = await Promise.all([
    db.group.findUnique({ where: { id: groupId }, select: { id: true } }),
    db.user.findUnique({ where: { id: userId }, select: { id: true } }),
  ]);
  if (!group) throw notFound("Group");
  if (!user) throw notFound("User");
}

/** Compliance groups' members are the app's alone (src/server/compliance/): nobody edits them by hand. */
async function refuseComplianceGroup(db: Db, groupId: string, what: string): Promise<void> {
  if (await db.complianceGroup.findUnique({ where: { groupId }, select: { groupId: true } })) {
    throw new AppError("CONFLICT", `This is a compliance group: the app manages its members, so ${what}.`, {
      reason: "compliance-group",
    });
  }
}

export async function setMembership(db: Db, groupId: string, userId: string, member: boolean) {
  await requireGroupAndUser(db, groupId, userId);
  await refuseComplianceGroup(db, groupId, "members cannot be added or removed by hand");
  if (member) {
    // Deleted since the check: still the caller's NOT_FOUND.
    await orNotFound(
      db.groupMembership.upsert({
        where: { groupId_userId: { groupId, userId } },
        create: { groupId, userId },
        update: {},
      }),
      "Group or user",
    );
  } else {
    await db.groupMembership.deleteMany({ where: { groupId, userId } });
    await unshareWithoutPermission(db);
  }
}

export async function listUsers(db: Db, search?: string) {
  return db.user.findMany({
    where: search
      ? {
          OR: [
            { ownerships: { some: { character: { name: { contains: search, mode: "insensitive" } } } } },
            // Staff signed in through LDAP may have no character yet (docs/ldap.md).
            { displayName: { contains: search, mode: "insensitive" } },
            { ldapUsername: { contains: search, mode: "insensitive" } },
          ],
        }
      : {},
    include: {
      mainCharacter: true,
      memberships: { include: { group: true } },
      _count: { select: { ownerships: true } },
    },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
}

export async function setSuperuser(db: Db, actorId: string, userId: string, isSuperuser: boolean) {
  if (!isSuperuser && userId === actorId)
    throw new AppError("BAD_INPUT", "You cannot take superuser rights from yourself.");
  await orNotFound(db.user.update({ where: { id: userId }, data: { isSuperuser } }), "User");
}

export async function setActive(db: Db, actorId: string, userId: string, isActive: boolean) {
  if (!isActive && userId === actorId) throw new AppError("BAD_INPUT", "You cannot deactivate yourself.");
  await orNotFound(
    db.$transaction([
      db.user.update({ where: { id: userId }, data: { isActive } }),
      // Deactivating signs the user out everywhere.
      ...(isActive ? [] : [db.session.deleteMany({ where: { userId } })]),
    ]),
    "User",
  );
}

/** "Who holds what": for each permission, the users holding it and through which groups (or superuser). */
export async function permissionHolders(db: Db) {
  const users = await db.user.findMany({
    where: { OR: [{ isSuperuser: true }, { memberships: { some: {} } }] },
    include: { mainCharacter: true, memberships: { include: { group: true } } },
  });
  return PERMISSION_NAMES.map((permission) => ({
    permission,
    holders: users
      .map((u) => ({
        userId: u.id,
        name: u.mainCharacter?.name ?? u.displayName ?? u.id,
        isActive: u.isActive,
        via: [
          ...(u.isSuperuser ? ["superuser"] : []),
          ...u.memberships.filter((m) => m.group.permissions.includes(permission)).map((m) => m.group.name),
        ],
      }))
      .filter((h) => h.via.length > 0),
  }));
}
