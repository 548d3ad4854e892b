// The sheet's update status shows each section's ESI warnings beside its error: a run
// that stored data with unknown enum values or left-out items is still "ok", and says so.
import { describe, expect, it } from "vitest";
import { SectionStatusTable } from "~/components/section-status-table";
import { SECTIONS } from "~/server/sections/registry";
import { deriveCharacterStatus } from "~/server/updates/character-status";
import { DEFAULT_ENGINE_SETTINGS, enabledSections } from "~/server/updates/engine-settings";
import { render, text } from "../support/render-in-providers";

const WARNING =
  'GET /characters/{character_id}/assets: location_flag "unknown location_flag (185)" is not in the spec\'s enum; stored as given';
const LEFT_OUT = "GET /characters/{character_id}/assets: item 3 left out: (root) must have required property 'type_id'";

const status = deriveCharacterStatus(
  {
    isEnabled: true,
    token: { status: "VALID", scopes: [...new Set(SECTIONS.flatMap((s) => s.scopes))] },
    rows: enabledSections(DEFAULT_ENGINE_SETTINGS).map((s) => ({
      section: s.name,
      isSuccess: true,
      startedAt: new Date(1000),
      finishedAt: new Date(2000),
      errorMessage: null,
      isTokenError: false,
      warnings: s.name === "assets" ? [WARNING, LEFT_OUT] : [],
    })),
  },
  DEFAULT_ENGINE_SETTINGS,
);

/** The markup of one section's row. */
const rowOf = (html: string, section: string) => {
  const start = html.indexOf(`data-testid="section-${section}"`);
  return html.slice(start, html.indexOf("</tr>", start));
};

describe("update status table", () => {
  it("passes the status row's warnings through, and warnings alone are no error", () => {
    expect(status.overall).toBe("ok");
    expect(status.sections.find((s) => s.section === "assets")).toMatchObject({
      state: "ok",
      warnings: [WARNING, LEFT_OUT],
    });
    expect(status.sections.find((s) => s.section === "skills")?.warnings).toEqual([]);
  });

  it("lists a section's warnings in its row under a named column, as a labelled list", () => {
    const html = render(SectionStatusTable({ status }));
    expect(html).toContain(">ESI warnings</th>");
    const assets = rowOf(html, "assets");
    expect(assets).toContain('aria-label="ESI warnings for Assets"');
    expect(text(assets)).toContain(`|${WARNING.replace(/'/g, "&#x27;").replace(/"/g, "&quot;")}|`);
    expect(assets).toContain("left out");
    // Light amber on the page's near-black ink, wrapping inside the cell rather than widening a 390 px page.
    expect(assets).toMatch(/class="[^"]*text-amber-200[^"]*wrap-anywhere/);
    expect(rowOf(html, "skills")).not.toContain("<ul");
  });
});
