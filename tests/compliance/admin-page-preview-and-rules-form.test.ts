// The compliance admin's pieces as rendered and as sent: the preview names who would join
// or leave under headed, counted lists (or says nobody moves), and the rules form sends
// only the rules filled in, as numbers, and shows stored rules back as typed.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { PlanPreview } from "~/components/compliance/plan-preview";
import { EMPTY_DRAFT, toDraft, toRules } from "~/components/compliance/rules-draft";
import { render, text } from "../support/render-in-providers";

const plan = {
  groupId: "g",
  join: [
    { userId: "a", name: "Alpha" },
    { userId: "b", name: "Bravo" },
  ],
  leave: [{ userId: "c", name: "Charlie" }],
  lapsing: [],
  recovered: [],
};

describe("the compliance preview", () => {
  it("lists who would join and leave under headings with their counts, leaving empty parts out", () => {
    const shown = text(render(createElement(PlanPreview, { plan, heading: "Preview" })));
    expect(shown).toContain("|Preview|Would join: |2|Alpha|Bravo|Would leave now: |1|Charlie|");
    expect(shown).not.toContain("grace period");
  });

  it("says so when nobody would move", () => {
    const empty = { ...plan, join: [], leave: [] };
    expect(text(render(createElement(PlanPreview, { plan: empty, heading: "Preview" })))).toContain(
      "Nobody would join or leave.",
    );
  });
});

describe("the rules form", () => {
  it("sends only the rules filled in, ids and days as numbers", () => {
    expect(toRules(EMPTY_DRAFT)).toEqual({});
    expect(
      toRules({
        ...EMPTY_DRAFT,
        corporationAnyOf: "98000001, 98000002 98000003",
        minDaysInCorporation: " 30 ",
        skillSetAnyOf: [4],
      }),
    ).toEqual({ corporationAnyOf: [98000001, 98000002, 98000003], minDaysInCorporation: 30, skillSetAnyOf: [4] });
  });

  it("shows stored rules as they were typed, and round-trips them", () => {
    const rules = { minSkillPoints: 5_000_000, assetTypeAnyOf: [28352, 23757], lastLoginWithinDays: 7 };
    expect(toDraft(rules)).toMatchObject({ minSkillPoints: "5000000", assetTypeAnyOf: "28352, 23757" });
    expect(toRules(toDraft(rules))).toEqual(rules);
  });
});
