// Who is asking, as the access rules need it: permissions (superusers hold all) and
// the corporation and alliance of their main character.
import type { Db } from "~/server/db/client";
import { isPermission, PERMISSION_NAMES, type Permission } from "~/server/auth/permissions";

export interface Viewer {
  userId: string;
  isSuperuser: boolean;
  permissions: ReadonlySet<Permission>;
  mainCorporationId: number | null;
  mainAllianceId: number | null;
}

export async function loadViewer(db: Db, userId: string): Promise<Viewer | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      isSuperuser: true,
      isActive: true,
      mainCharacter: { select: { corporationId: true, allianceId: true } },
      memberships: { select: { group: { select: { permissions: true } } } },
    },
  });
  if (!user || !user.isActive) return null;
  const granted = user.isSuperuser ? PERMISSION_NAMES : user.memberships.flatMap((m) => m.group.permissions).filter(isPermission);
  return {
    userId,
    isSuperuser: user.isSuperuser,
    permissions: new Set(granted),
    mainCorporationId: user.mainCharacter?.corporationId ?? null,
    mainAllianceId: user.mainCharacter?.allianceId ?? null,
  };
}

export function can(viewer: Viewer, permission: Permission): boolean {
  return viewer.permissions.has(permission);
}
