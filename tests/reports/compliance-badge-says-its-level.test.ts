// The compliance colours never carry the meaning alone (WCAG 1.4.1): each badge says its
// level in words, with a symbol hidden from screen readers.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ComplianceBadge } from "~/components/reports/report-controls";
import { render, text } from "../support/render-in-providers";

describe("compliance badge", () => {
  it.each([
    ["fully", "Fully compliant", "emerald"],
    ["partly", "Partly compliant", "amber"],
    ["not", "Not compliant", "red"],
  ] as const)("%s: says %s in words beside its %s colour", (level, words, colour) => {
    const html = render(createElement(ComplianceBadge, { level }));
    expect(text(html)).toContain(`|${words}|`);
    expect(html).toContain(`text-${colour}-200`);
    expect(html).toMatch(/<span aria-hidden="true">[✓◐✗]<\/span>/);
  });

  it("keeps the level's colour and symbol when it shows a percentage instead", () => {
    const html = render(createElement(ComplianceBadge, { level: "partly" }, "92 %"));
    expect(text(html)).toContain("|92 %|");
    expect(html).toContain("◐");
  });
});
