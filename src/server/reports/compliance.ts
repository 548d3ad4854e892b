// What compliant means in the reports (Member Audit's rule): a user is compliant with a
// main and every character they have signed in with registered. Signing in records a
// CharacterOwnership (characters/registration.ts); registering adds the Character with
// its ESI grant; so "signed in but not registered" is an ownership without a Character.
// Users are counted per the scope of accessibleUserIdsSql, the finder's user scope.
import { Prisma } from "@prisma/client";
import { accessibleUserIdsSql, viewableCharactersSql } from "~/server/access/character-access-sql";
import type { Viewer } from "~/server/access/viewer";

/** Fully: compliant; partly: some characters registered; not: none registered. */
export type ComplianceLevel = "fully" | "partly" | "not";

export function userComplianceLevel(isCompliant: boolean, registered: number): ComplianceLevel {
  if (isCompliant) return "fully";
  return registered > 0 ? "partly" : "not";
}

/** A corporation's level: fully at 100 % registered, partly from 85 % (Member Audit's colours). */
export const PARTLY_FROM_PERCENT = 85;
export function corporationComplianceLevel(registered: number, total: number): ComplianceLevel {
  if (total > 0 && registered === total) return "fully";
  return total > 0 && registered * 100 >= PARTLY_FROM_PERCENT * total ? "partly" : "not";
}

/** Rounded down, so 100 % means every character is registered. */
export const compliancePercent = (registered: number, total: number) =>
  total === 0 ? 0 : Math.floor((registered * 100) / total);

/**
 * One row per user in the viewer's scope, as a subquery `r`: the main and its
 * organisation, characters signed in with (total) and registered, the two verdicts,
 * and whether the viewer may open the main's sheet.
 */
export function usersInScopeSql(viewer: Viewer): Prisma.Sql {
  return Prisma.sql`(
    SELECT u.id AS "userId", m.id AS "mainId", m.name AS "mainName",
      m."corporationId", m."corporationName", m."allianceId", m."allianceName",
      s.total, s.registered,
      s.registered > 0 AS "isRegistered",
      (m.id IS NOT NULL AND s.registered = s.total) AS "isCompliant",
      CASE WHEN m.id IS NULL THEN FALSE ELSE ${viewableCharactersSql(viewer, Prisma.raw("mc"), Prisma.raw("mo"))} END AS "canView"
    FROM "User" u
    LEFT JOIN "EveCharacter" m ON m.id = u."mainCharacterId"
    LEFT JOIN "Character" mc ON mc.id = m.id
    LEFT JOIN "CharacterOwnership" mo ON mo."characterId" = m.id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total, count(c.id)::int AS registered
      FROM "CharacterOwnership" o LEFT JOIN "Character" c ON c.id = o."characterId"
      WHERE o."userId" = u.id
    ) s
    WHERE u.id IN (${accessibleUserIdsSql(viewer)})
  ) r`;
}
