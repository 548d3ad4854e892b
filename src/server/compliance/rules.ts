// The rules a compliance group may carry on top of compliance (docs/compliance.md), as the
// typed JSON stored in ComplianceGroup.rules. The router's input is this same schema, so a
// stored rule set is always one the admin page could have sent. Every value is bounded:
// ids to EVE's 32-bit range, counts and days to what a date or a BigInt column can hold.
import { z } from "zod";
import { eveId32 } from "~/server/paging/inputs";

/** Days a rule may look back: 100 years keeps every cutoff a date PostgreSQL and JS hold. */
const days = z.number().int().min(0).max(36_500);
const idList = z.array(eveId32).min(1).max(100);

export const complianceRulesSchema = z
  .object({
    /** Some character of the user has at least this many skill points in total. */
    minSkillPoints: z.number().int().min(0).max(1_000_000_000_000).optional(),
    /** Some character of the user passes (every required skill of) one of these skill sets. */
    skillSetAnyOf: idList.optional(),
    /** The main is in one of these corporations... */
    corporationAnyOf: idList.optional(),
    /** ...or in one of these alliances (with both, either one will do). */
    allianceAnyOf: idList.optional(),
    /** The main has been in its current corporation for at least this many days (corporation history). */
    minDaysInCorporation: days.optional(),
    /** The main character is at least this many days old. */
    minCharacterAgeDays: days.optional(),
    /** The user signed in within this many days. */
    lastLoginWithinDays: days.optional(),
    /** Some character of the user holds an item of one of these types. */
    assetTypeAnyOf: idList.optional(),
  })
  .strict();

export type ComplianceRules = z.infer<typeof complianceRulesSchema>;

/** Rows stored before a rule changed shape read as "no rules" rather than failing every recompute. */
export function parseStoredRules(json: unknown): ComplianceRules {
  const parsed = complianceRulesSchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

/** One line per rule, for the admin page and the notices' reasons. */
export function describeRules(rules: ComplianceRules, skillSetName: (id: number) => string = String): string[] {
  const lines: string[] = [];
  if (rules.minSkillPoints !== undefined)
    lines.push(`a character with at least ${rules.minSkillPoints.toLocaleString("en")} skill points`);
  if (rules.skillSetAnyOf)
    lines.push(`a character passing skill set ${rules.skillSetAnyOf.map(skillSetName).join(" or ")}`);
  if (rules.corporationAnyOf || rules.allianceAnyOf) {
    const orgs = [
      ...(rules.corporationAnyOf ?? []).map((id) => `corporation ${id}`),
      ...(rules.allianceAnyOf ?? []).map((id) => `alliance ${id}`),
    ];
    lines.push(`main in ${orgs.join(" or ")}`);
  }
  if (rules.minDaysInCorporation !== undefined)
    lines.push(`main in its corporation for at least ${rules.minDaysInCorporation} days`);
  if (rules.minCharacterAgeDays !== undefined) lines.push(`main at least ${rules.minCharacterAgeDays} days old`);
  if (rules.lastLoginWithinDays !== undefined) lines.push(`signed in within ${rules.lastLoginWithinDays} days`);
  if (rules.assetTypeAnyOf) lines.push(`holds an item of type ${rules.assetTypeAnyOf.join(" or ")}`);
  return lines;
}
