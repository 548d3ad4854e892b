// Authorization is one query (docs/architecture.md, principle 5): these functions turn a viewer into
// Prisma filters that compose with any other filter. Corporation and alliance always
// come from each user's MAIN character, as in Member Audit.
import type { Prisma } from "@prisma/client";
import type { Permission } from "~/server/identity/permissions";
import { can, type PermissionGroups, type Viewer } from "./viewer";

type CharacterWhere = Prisma.CharacterWhereInput;
type UserWhere = Prisma.UserWhereInput;

const NOTHING: CharacterWhere = { id: { in: [] } };

/** Users holding `permission`: superusers, and members of a group that grants it. */
export const holdsPermission = (groups: PermissionGroups, permission: Permission): UserWhere => ({
  OR: [{ isSuperuser: true }, { memberships: { some: { groupId: { in: [...groups[permission]] } } } }],
});

const ownedBy = (user: UserWhere): CharacterWhere => ({ eveCharacter: { ownership: { user } } });

/** Users whose main is in the viewer's alliance (when scoped so and the main has one), else corporation; null = none. */
function sameOrganisation(viewer: Viewer): UserWhere | null {
  if (can(viewer, "view_same_alliance") && viewer.mainAllianceId !== null) {
    return { mainCharacter: { allianceId: viewer.mainAllianceId } };
  }
  if (can(viewer, "view_same_corporation") && viewer.mainCorporationId !== null) {
    return { mainCharacter: { corporationId: viewer.mainCorporationId } };
  }
  return null;
}

/**
 * Characters whose sheet the viewer may open (Member Audit's user_has_access):
 * own ones; with characters_access all (view_everything, orphans included) or those of
 * users in the same alliance/corporation; plus, with view_shared_characters, shared
 * characters whose owner still holds share_characters.
 */
export function viewableCharactersWhere(viewer: Viewer): CharacterWhere {
  if (!can(viewer, "basic_access")) return NOTHING;
  if (can(viewer, "characters_access") && can(viewer, "view_everything")) return {};
  const any: CharacterWhere[] = [ownedBy({ id: viewer.userId })];
  const organisation = can(viewer, "characters_access") ? sameOrganisation(viewer) : null;
  if (organisation) any.push(ownedBy(organisation));
  if (can(viewer, "view_shared_characters"))
    any.push({ isShared: true, ...ownedBy(holdsPermission(viewer.permissionGroups, "share_characters")) });
  return { OR: any };
}

/**
 * Characters the viewer may list in the finder: the users in scope (see
 * accessibleUsersWhere) and, with view_shared_characters, shared characters. Listing
 * needs no characters_access; opening the sheet does (viewableCharactersWhere).
 */
export function listableCharactersWhere(viewer: Viewer): CharacterWhere {
  if (!can(viewer, "basic_access")) return NOTHING;
  if (can(viewer, "view_everything")) return {};
  const any: CharacterWhere[] = [ownedBy(accessibleUsersWhere(viewer))];
  if (can(viewer, "view_shared_characters"))
    any.push({ isShared: true, ...ownedBy(holdsPermission(viewer.permissionGroups, "share_characters")) });
  return { OR: any };
}

/**
 * Users the viewer's reports and finder cover (Member Audit's accessible_users):
 * everyone with basic_access for view_everything, those whose main is in the same
 * alliance or corporation, else only the viewer.
 */
export function accessibleUsersWhere(viewer: Viewer): UserWhere {
  if (!can(viewer, "basic_access")) return { id: { in: [] } };
  if (can(viewer, "view_everything")) return holdsPermission(viewer.permissionGroups, "basic_access");
  const organisation = sameOrganisation(viewer);
  if (!organisation) return { id: viewer.userId };
  return {
    OR: [{ id: viewer.userId }, { AND: [organisation, holdsPermission(viewer.permissionGroups, "basic_access")] }],
  };
}

/** Characters in the viewer's scope regardless of characters_access (removal notifications). */
export function scopedCharactersWhere(viewer: Viewer): CharacterWhere {
  if (can(viewer, "view_everything")) return {};
  const any: CharacterWhere[] = [ownedBy({ id: viewer.userId })];
  const organisation = sameOrganisation(viewer);
  if (organisation) any.push(ownedBy(organisation));
  return { OR: any };
}
