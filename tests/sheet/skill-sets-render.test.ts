// The Skill sets tab's list renders Member Audit's labels: "Doctrine: " prefix,
// "[Not active]" suffix, pass/fail marks and missing skills with roman levels.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SkillSetList } from "~/components/skill-sets/skill-set-list";
import type { SheetSkillSetGroup } from "~/server/sheet/skill-sets";

const skill = (
  id: number,
  name: string,
  requiredLevel: number | null,
  recommendedLevel: number | null,
  activeLevel: number,
  result: "full" | "partial" | "none",
) => ({
  skillTypeId: id,
  name,
  requiredLevel,
  recommendedLevel,
  activeLevel,
  result,
});

const groups: SheetSkillSetGroup[] = [
  {
    id: 1,
    name: "Shield fleet",
    isDoctrine: true,
    isActive: false,
    skillSets: [
      {
        id: 7,
        name: "Caracal",
        description: "",
        shipTypeId: 621,
        shipName: "Caracal",
        hasRequired: false,
        hasRecommended: false,
        missingRequired: [skill(3319, "Missile Launcher Operation", 4, 5, 2, "none")],
        missingRecommended: [skill(3319, "Missile Launcher Operation", 4, 5, 2, "none")],
        skills: [skill(3319, "Missile Launcher Operation", 4, 5, 2, "none")],
        missingPlan: "Missile Launcher Operation V",
      },
    ],
  },
  { id: null, name: "[Ungrouped]", isDoctrine: false, isActive: true, skillSets: [] },
];

describe("skill set list", () => {
  it("renders groups with Member Audit's labels and the missing skills", () => {
    const html = renderToStaticMarkup(createElement(SkillSetList, { groups }));
    expect(html).toContain("Doctrine: Shield fleet [Not active]");
    expect(html).toContain('data-testid="skill-set-7"');
    const text = html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "|");
    expect(text).toContain("|Missile Launcher Operation IV|");
    expect(text).toContain("|Missile Launcher Operation V|");
    expect(html).not.toContain('data-testid="skill-set-group-ungrouped"');
  });
});
