// The rules form's state: every field as the text typed, turned into the rules the router
// takes. Unparseable numbers are sent as they are, so the server's refusal names the field.
import type { RouterInputs } from "~/trpc/types";

export type Rules = NonNullable<RouterInputs["compliance"]["save"]["rules"]>;

export const RULE_FIELDS = {
  minSkillPoints: { label: "Minimum total skill points (any character)", kind: "number" },
  skillSetAnyOf: { label: "Passes one of these skill sets (any character)", kind: "skillSets" },
  corporationAnyOf: { label: "Main in one of these corporations (ids)", kind: "ids" },
  allianceAnyOf: { label: "Main in one of these alliances (ids)", kind: "ids" },
  minDaysInCorporation: { label: "Main in its corporation for at least (days)", kind: "number" },
  minCharacterAgeDays: { label: "Main character at least this old (days)", kind: "number" },
  lastLoginWithinDays: { label: "Signed in within (days)", kind: "number" },
  assetTypeAnyOf: { label: "Holds an item of one of these types (type ids, any character)", kind: "ids" },
} as const satisfies Record<keyof Rules, { label: string; kind: "number" | "ids" | "skillSets" }>;

export type RuleKey = keyof typeof RULE_FIELDS;
export type RulesDraft = Record<Exclude<RuleKey, "skillSetAnyOf">, string> & { skillSetAnyOf: number[] };

export const EMPTY_DRAFT: RulesDraft = {
  minSkillPoints: "",
  skillSetAnyOf: [],
  corporationAnyOf: "",
  allianceAnyOf: "",
  minDaysInCorporation: "",
  minCharacterAgeDays: "",
  lastLoginWithinDays: "",
  assetTypeAnyOf: "",
};

const ids = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

export function toRules(draft: RulesDraft): Rules {
  const rules: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(RULE_FIELDS) as [RuleKey, (typeof RULE_FIELDS)[RuleKey]][]) {
    if (key === "skillSetAnyOf") {
      if (draft.skillSetAnyOf.length > 0) rules[key] = draft.skillSetAnyOf;
      continue;
    }
    const text = draft[key].trim();
    if (!text) continue;
    rules[key] = field.kind === "ids" ? ids(text) : Number(text);
  }
  return rules as Rules;
}

export function toDraft(rules: Rules | null): RulesDraft {
  if (!rules) return EMPTY_DRAFT;
  const text = (v: number | number[] | undefined) =>
    v === undefined ? "" : Array.isArray(v) ? v.join(", ") : String(v);
  return {
    minSkillPoints: text(rules.minSkillPoints),
    skillSetAnyOf: rules.skillSetAnyOf ?? [],
    corporationAnyOf: text(rules.corporationAnyOf),
    allianceAnyOf: text(rules.allianceAnyOf),
    minDaysInCorporation: text(rules.minDaysInCorporation),
    minCharacterAgeDays: text(rules.minCharacterAgeDays),
    lastLoginWithinDays: text(rules.lastLoginWithinDays),
    assetTypeAnyOf: text(rules.assetTypeAnyOf),
  };
}
