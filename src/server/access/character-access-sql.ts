// The access rules of character-access.ts as SQL conditions, for the one hot read that
// cannot afford Prisma's query compiler: the finder compiled its nested relation filters
// on every request, and that cost more CPU than PostgreSQL spent answering
// (docs/decisions.md, "The finder is SQL"). The access matrix test holds these and the
// Prisma forms to the same oracle for every permission and scope. Users in scope are
// uncorrelated subqueries, so PostgreSQL evaluates them once per query, not per row.
import { Prisma } from "@prisma/client";
import type { Permission } from "~/server/identity/permissions";
import { can, type Viewer } from "./viewer";

/** Condition on a "User" row `su`: it holds `permission` (superuser, or member of a group granting it). */
function holdsPermissionSql(viewer: Viewer, permission: Permission): Prisma.Sql {
  const groups = viewer.permissionGroups[permission];
  if (groups.length === 0) return Prisma.sql`su."isSuperuser"`;
  return Prisma.sql`(su."isSuperuser" OR su.id IN (SELECT gm."userId" FROM "GroupMembership" gm WHERE gm."groupId" IN (${Prisma.join(groups)})))`;
}

/** Condition on the main "EveCharacter" `sm`: in the viewer's alliance (when scoped so and it has one), else corporation; null = none. */
function sameOrganisationSql(viewer: Viewer): Prisma.Sql | null {
  if (can(viewer, "view_same_alliance") && viewer.mainAllianceId !== null)
    return Prisma.sql`sm."allianceId" = ${viewer.mainAllianceId}`;
  if (can(viewer, "view_same_corporation") && viewer.mainCorporationId !== null)
    return Prisma.sql`sm."corporationId" = ${viewer.mainCorporationId}`;
  return null;
}

const usersWhere = (condition: Prisma.Sql) =>
  Prisma.sql`SELECT su.id FROM "User" su LEFT JOIN "EveCharacter" sm ON sm.id = su."mainCharacterId" WHERE ${condition}`;

/** accessibleUsersWhere as a subquery of user ids: the users the viewer's finder and reports cover. */
export function accessibleUserIdsSql(viewer: Viewer): Prisma.Sql {
  if (!can(viewer, "basic_access")) return usersWhere(Prisma.sql`FALSE`);
  if (can(viewer, "view_everything")) return usersWhere(holdsPermissionSql(viewer, "basic_access"));
  const self = Prisma.sql`su.id = ${viewer.userId}`;
  const organisation = sameOrganisationSql(viewer);
  if (!organisation) return usersWhere(self);
  return usersWhere(Prisma.sql`(${self} OR (${organisation} AND ${holdsPermissionSql(viewer, "basic_access")}))`);
}

/** Shared characters whose owner still holds share_characters. */
function sharedByHolderSql(viewer: Viewer, character: Prisma.Sql, ownership: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${character}."isShared" AND ${ownership}."userId" IN (${usersWhere(holdsPermissionSql(viewer, "share_characters"))}))`;
}

/**
 * finderCharactersWhere as SQL, on an "EveCharacter" row's registration (`character`,
 * a LEFT JOINed "Character") and `ownership` (a LEFT JOINed "CharacterOwnership").
 */
export function finderCharactersSql(viewer: Viewer, character: Prisma.Sql, ownership: Prisma.Sql): Prisma.Sql {
  if (!can(viewer, "finder_access")) return Prisma.sql`FALSE`;
  return listableCharactersSql(viewer, character, ownership);
}

/** listableCharactersWhere as SQL, on the same rows as finderCharactersSql: the finder's scope without its area (reports). */
export function listableCharactersSql(viewer: Viewer, character: Prisma.Sql, ownership: Prisma.Sql): Prisma.Sql {
  if (!can(viewer, "basic_access")) return Prisma.sql`FALSE`;
  const any = [Prisma.sql`${ownership}."userId" IN (${accessibleUserIdsSql(viewer)})`];
  if (can(viewer, "view_everything")) any.push(Prisma.sql`${character}.id IS NOT NULL`);
  else if (can(viewer, "view_shared_characters")) any.push(sharedByHolderSql(viewer, character, ownership));
  return Prisma.sql`(${Prisma.join(any, " OR ")})`;
}

/** viewableCharactersWhere as SQL, on the same rows as finderCharactersSql: may the viewer open the sheet. */
export function viewableCharactersSql(viewer: Viewer, character: Prisma.Sql, ownership: Prisma.Sql): Prisma.Sql {
  if (!can(viewer, "basic_access")) return Prisma.sql`FALSE`;
  const registered = Prisma.sql`${character}.id IS NOT NULL`;
  if (can(viewer, "characters_access") && can(viewer, "view_everything")) return registered;
  const any = [Prisma.sql`${ownership}."userId" = ${viewer.userId}`];
  // Opening a sheet in scope needs no basic_access of its owner, unlike listing it.
  const organisation = can(viewer, "characters_access") ? sameOrganisationSql(viewer) : null;
  if (organisation) any.push(Prisma.sql`${ownership}."userId" IN (${usersWhere(organisation)})`);
  if (can(viewer, "view_shared_characters")) any.push(sharedByHolderSql(viewer, character, ownership));
  return Prisma.sql`(${registered} AND (${Prisma.join(any, " OR ")}))`;
}
