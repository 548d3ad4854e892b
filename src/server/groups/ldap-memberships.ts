// Brings a user's memberships in the groups LDAP governs in line with the directory at each
// LDAP sign-in (docs/ldap.md, "Groups"): mapped groups by name, mirrored groups by their
// LDAP DN. Memberships in every other group (the default group, groups an administrator
// manages by hand) are not touched.
import type { Prisma } from "@prisma/client";
import type { GroupPlan } from "~/server/ldap/mapping";

export interface MembershipChanges {
  added: string[];
  removed: string[];
}

export async function syncLdapMemberships(
  tx: Prisma.TransactionClient,
  userId: string,
  plan: Pick<GroupPlan, "mapped" | "mirrored">,
): Promise<MembershipChanges> {
  const wanted = new Set<string>();
  const governed = new Set<string>();

  for (const { name, member } of plan.mapped) {
    // A mapped name with no group yet gets one without permissions, for an administrator to fill in.
    const group = await tx.group.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    governed.add(group.id);
    if (member) wanted.add(group.id);
  }

  if (plan.mirrored) {
    for (const { ldapDn, name } of plan.mirrored) wanted.add(await mirroredGroupId(tx, ldapDn, name));
    const mirroredGroups = await tx.group.findMany({ where: { ldapDn: { not: null } }, select: { id: true } });
    for (const g of mirroredGroups) governed.add(g.id);
  }

  const current = await tx.groupMembership.findMany({
    where: { userId, groupId: { in: [...governed] } },
    select: { groupId: true, group: { select: { name: true } } },
  });
  const has = new Set(current.map((m) => m.groupId));
  const toAdd = [...wanted].filter((id) => !has.has(id));
  const toRemove = current.filter((m) => !wanted.has(m.groupId));
  if (toAdd.length)
    await tx.groupMembership.createMany({ data: toAdd.map((groupId) => ({ groupId, userId })), skipDuplicates: true });
  if (toRemove.length)
    await tx.groupMembership.deleteMany({ where: { userId, groupId: { in: toRemove.map((m) => m.groupId) } } });
  const names = toAdd.length ? await tx.group.findMany({ where: { id: { in: toAdd } }, select: { name: true } }) : [];
  return { added: names.map((g) => g.name).sort(), removed: toRemove.map((m) => m.group.name).sort() };
}

/**
 * The app group mirroring an LDAP group, made on first sight. A local group may already carry
 * the name: it stays the administrators' own, and the mirror takes the name with " (LDAP)".
 */
async function mirroredGroupId(tx: Prisma.TransactionClient, ldapDn: string, name: string): Promise<string> {
  const existing = await tx.group.findUnique({ where: { ldapDn }, select: { id: true } });
  if (existing) return existing.id;
  const taken = await tx.group.findUnique({ where: { name }, select: { id: true } });
  const description = `Mirrored from LDAP (${ldapDn}); memberships follow the directory at each sign-in.`;
  const group = await tx.group.create({
    data: { name: taken ? `${name} (LDAP)`.slice(0, 160) : name, ldapDn, description },
    select: { id: true },
  });
  return group.id;
}
