// Who is asking, as the access rules need it: permissions (superusers hold all) and
// the corporation and alliance of their main character.
import type { Db } from "~/server/db/client";
import { isPermission, PERMISSION_NAMES, type Permission } from "~/server/auth/permissions";

/** For each permission, the groups that grant it: lets access filters test group ids instead of group permission arrays per row. */
export type PermissionGroups = Readonly<Record<Permission, readonly string[]>>;

export async function loadPermissionGroups(db: Db): Promise<PermissionGroups> {
  const groups = await db.group.findMany({ select: { id: true, permissions: true } });
  return Object.fromEntries(PERMISSION_NAMES.map((p) => [p, groups.filter((g) => g.permissions.includes(p)).map((g) => g.id)])) as Record<Permission, string[]>;
}

export interface Viewer {
  userId: string;
  /** The install's permission-to-groups map, read with the viewer (groups are few). */
  permissionGroups: PermissionGroups;
  isSuperuser: boolean;
  permissions: ReadonlySet<Permission>;
  mainCorporationId: number | null;
  mainAllianceId: number | null;
}

export async function loadViewer(db: Db, userId: string): Promise<Viewer | null> {
  const [user, permissionGroups] = await Promise.all([
    db.user.findUnique({
    where: { id: userId },
    select: {
      isSuperuser: true,
      isActive: true,
      mainCharacter: { select: { corporationId: true, allianceId: true } },
      memberships: { select: { group: { select: { permissions: true } } } },
    },
    }),
    loadPermissionGroups(db),
  ]);
  if (!user || !user.isActive) return null;
  const granted = user.isSuperuser ? PERMISSION_NAMES : user.memberships.flatMap((m) => m.group.permissions).filter(isPermission);
  return {
    userId,
    permissionGroups,
    isSuperuser: user.isSuperuser,
    permissions: new Set(granted),
    mainCorporationId: user.mainCharacter?.corporationId ?? null,
    mainAllianceId: user.mainCharacter?.allianceId ?? null,
  };
}

export function can(viewer: Viewer, permission: Permission): boolean {
  return viewer.permissions.has(permission);
}
