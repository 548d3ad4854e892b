// Who qualifies for a compliance group, in one SQL query over all users: compliant as the
// reports define it (src/server/reports/compliance.ts, read here, not restated) and active,
// and passing each of the group's rules. Every value is a bound parameter of a tagged
// Prisma.sql template; no SQL is built from strings.
import { Prisma } from "@prisma/client";
import { loadPermissionGroups, type Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { PERMISSION_NAMES } from "~/server/identity/permissions";
import { usersInScopeSql } from "~/server/reports/compliance";
import type { ComplianceRules } from "./rules";

const DAY_MS = 24 * 3600 * 1000;

/**
 * The reports' user rows seen by a viewer who sees everything: every user holding
 * basic_access, which is also Member Audit's condition for being compliant at all.
 */
export async function everyoneViewer(db: Db): Promise<Viewer> {
  return {
    userId: "",
    permissionGroups: await loadPermissionGroups(db),
    isSuperuser: true,
    permissions: new Set(PERMISSION_NAMES),
    mainCorporationId: null,
    mainAllianceId: null,
  };
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** The user's characters (registered or not) as `o`, for rules any character may pass. */
const anyCharacter = (condition: Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "CharacterOwnership" o WHERE o."userId" = r."userId" AND ${condition})`;

/** Each rule as a condition on a report row `r` and its "User" row `u`. */
export function rulesSql(rules: ComplianceRules, now: Date): Prisma.Sql[] {
  const all: Prisma.Sql[] = [];
  if (rules.minSkillPoints !== undefined) {
    all.push(
      anyCharacter(Prisma.sql`EXISTS (SELECT 1 FROM "CharacterSkillpoints" sp
        WHERE sp."characterId" = o."characterId" AND sp.total >= ${BigInt(rules.minSkillPoints)})`),
    );
  }
  if (rules.skillSetAnyOf) {
    all.push(
      anyCharacter(Prisma.sql`EXISTS (SELECT 1 FROM "CharacterSkillSetCheck" k
        WHERE k."characterId" = o."characterId" AND k."skillSetId" IN (${Prisma.join(rules.skillSetAnyOf)})
          AND cardinality(k."failedRequired") = 0)`),
    );
  }
  if (rules.corporationAnyOf || rules.allianceAnyOf) {
    const orgs: Prisma.Sql[] = [];
    if (rules.corporationAnyOf) orgs.push(Prisma.sql`r."corporationId" IN (${Prisma.join(rules.corporationAnyOf)})`);
    if (rules.allianceAnyOf) orgs.push(Prisma.sql`r."allianceId" IN (${Prisma.join(rules.allianceAnyOf)})`);
    all.push(Prisma.sql`(${Prisma.join(orgs, " OR ")})`);
  }
  if (rules.minDaysInCorporation !== undefined) {
    // The main's latest history record is its current membership: it must be of the corporation
    // the main is in now (a history not refreshed since a move does not count) and old enough.
    all.push(Prisma.sql`EXISTS (SELECT 1 FROM (
        SELECT h."corporationId", h."startDate" FROM "CharacterCorporationHistory" h
        WHERE h."characterId" = r."mainId" ORDER BY h."startDate" DESC, h."recordId" DESC LIMIT 1
      ) cur WHERE cur."corporationId" = r."corporationId"
        AND cur."startDate" <= ${daysBefore(now, rules.minDaysInCorporation)})`);
  }
  if (rules.minCharacterAgeDays !== undefined) {
    all.push(Prisma.sql`EXISTS (SELECT 1 FROM "EveCharacter" b
      WHERE b.id = r."mainId" AND b.birthday <= ${daysBefore(now, rules.minCharacterAgeDays)})`);
  }
  if (rules.lastLoginWithinDays !== undefined) {
    all.push(Prisma.sql`u."lastLoginAt" >= ${daysBefore(now, rules.lastLoginWithinDays)}`);
  }
  if (rules.assetTypeAnyOf) {
    all.push(
      anyCharacter(Prisma.sql`EXISTS (SELECT 1 FROM "CharacterAsset" a
        WHERE a."characterId" = o."characterId" AND a."typeId" IN (${Prisma.join(rules.assetTypeAnyOf)}))`),
    );
  }
  return all;
}

/**
 * Ids of the users who qualify under `rules` at `now` (`everyone` from everyoneViewer);
 * `onlyUserIds` narrows the question to those users.
 */
export async function qualifyingUserIds(
  db: Db | Prisma.TransactionClient,
  everyone: Viewer,
  rules: ComplianceRules,
  now: Date,
  onlyUserIds?: readonly string[],
): Promise<Set<string>> {
  if (onlyUserIds && onlyUserIds.length === 0) return new Set();
  const conditions = [Prisma.sql`r."isCompliant"`, Prisma.sql`u."isActive"`, ...rulesSql(rules, now)];
  if (onlyUserIds) conditions.push(Prisma.sql`r."userId" IN (${Prisma.join(onlyUserIds)})`);
  const rows = await db.$queryRaw<{ userId: string }[]>`
    SELECT r."userId" FROM ${usersInScopeSql(everyone)}
    JOIN "User" u ON u.id = r."userId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
  return new Set(rows.map((row) => row.userId));
}
