// Who is asking, as the access rules need it: permissions (superusers hold all) and
// the corporation and alliance of their main character.
import type { Db } from "~/server/db/client";
import { isPermission, PERMISSION_NAMES, type Permission } from "~/server/identity/permissions";

/** For each permission, the groups that grant it: lets access filters test group ids instead of group permission arrays per row. */
export type PermissionGroups = Readonly<Record<Permission, readonly string[]>>;

export async function loadPermissionGroups(db: Db): Promise<PermissionGroups> {
  const groups = await db.group.findMany({ select: { id: true, permissions: true } });
  return Object.fromEntries(
    PERMISSION_NAMES.map((p) => [p, groups.filter((g) => g.permissions.includes(p)).map((g) => g.id)]),
  ) as Record<Permission, string[]>;
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

interface ViewerRow {
  isSuperuser: boolean;
  isActive: boolean;
  corporationId: number | null;
  allianceId: number | null;
  permissions: string[];
}

/**
 * Runs on every signed-in request, so it is one round trip for the user (its main's
 * organisation and the union of its groups' permissions) beside one for the groups:
 * Prisma would split the nested select into four queries.
 */
export async function loadViewer(db: Db, userId: string): Promise<Viewer | null> {
  const [rows, permissionGroups] = await Promise.all([
    db.$queryRaw<ViewerRow[]>`
      SELECT u."isSuperuser", u."isActive", m."corporationId", m."allianceId",
        COALESCE(ARRAY(
          SELECT DISTINCT p FROM "GroupMembership" gm
          JOIN "Group" g ON g.id = gm."groupId"
          CROSS JOIN LATERAL unnest(g.permissions) AS p
          WHERE gm."userId" = u.id
        ), '{}') AS permissions
      FROM "User" u
      LEFT JOIN "EveCharacter" m ON m.id = u."mainCharacterId"
      WHERE u.id = ${userId}`,
    loadPermissionGroups(db),
  ]);
  const user = rows[0];
  if (!user?.isActive) return null;
  const granted = user.isSuperuser ? PERMISSION_NAMES : user.permissions.filter(isPermission);
  return {
    userId,
    permissionGroups,
    isSuperuser: user.isSuperuser,
    permissions: new Set(granted),
    mainCorporationId: user.corporationId,
    mainAllianceId: user.allianceId,
  };
}

export function can(viewer: Viewer, permission: Permission): boolean {
  return viewer.permissions.has(permission);
}
