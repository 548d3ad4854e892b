// The Bio tab and the contacts' NPC label and filter as rendered: the bio through the
// mail allowlist (EVE links become their text, web links stay, script never survives),
// the empty states, the NPC chip and the all / players / NPCs toggles.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { BioPanel } from "~/components/sheet/bio-panel";
import { ContactsTable } from "~/components/sheet/contacts-table";
import type { ContactsSheet } from "~/server/sheet/contacts";
import { sanitizeMailHtml } from "~/server/sheet/mail-html";
import { render, text } from "../support/render-in-providers";

describe("Bio tab", () => {
  it("renders the bio as safe HTML with EVE links resolved as in mail", () => {
    const raw =
      '<font size="14" color="#ffff0000">Recruiting</font><br>CEO of <a href="showinfo:2//98000001">Alpha Corp</a>, ' +
      'see <a href="killReport:123:abc">this kill</a> and <a href="https://example.org/x">our site</a>' +
      '<script>alert(1)</script><img src="https://evil/x.png">';
    const html = render(createElement(BioPanel, { bio: { html: sanitizeMailHtml(raw), loaded: true } }));
    expect(html).toContain('<span style="color:#ff0000">Recruiting</span>');
    expect(html).toContain("<span>Alpha Corp</span>");
    expect(html).toContain("<span>this kill</span>");
    expect(html).toContain(
      '<a href="https://example.org/x" rel="noopener noreferrer nofollow" target="_blank">our site</a>',
    );
    expect(html).not.toMatch(/showinfo:|killReport:|<script|<img/);
    expect(html).toContain('data-testid="bio-body"');
  });

  it("shows a clear empty state for a blank bio and for details never loaded", () => {
    const blank = render(createElement(BioPanel, { bio: { html: "", loaded: true } }));
    expect(text(blank)).toContain("This character has not written a bio.");
    const unloaded = render(createElement(BioPanel, { bio: { html: "", loaded: false } }));
    expect(text(unloaded)).toContain("Character details not loaded yet.");
    expect(blank).not.toContain("bio-body");
  });
});

describe("contacts NPC label and filter", () => {
  const row = (id: number, name: string, type: string, isNpc: boolean) => ({
    id,
    name,
    type,
    standing: 5,
    band: "good" as const,
    isNpc,
    isWatched: false,
    isBlocked: false,
    labels: [],
  });
  const sheet: ContactsSheet = {
    total: 3,
    npcCount: 2,
    bandCounts: { excellent: 0, good: 3, neutral: 0, bad: 0, terrible: 0 },
    rows: [
      row(1000125, "Amarr Navy", "corporation", true),
      row(3008416, "Agent Smith", "character", true),
      row(2112000001, "Player Pilot", "character", false),
    ],
  };

  it("marks NPC rows with a text label and offers all / players / NPCs with counts", () => {
    const html = render(createElement(ContactsTable, { sheet }));
    const rowHtml = (id: number) => html.match(new RegExp(`data-testid="contact-row-${id}"[\\s\\S]*?</tr>`))![0];
    expect(text(rowHtml(1000125))).toContain("NPC");
    expect(text(rowHtml(3008416))).toContain("NPC");
    expect(text(rowHtml(2112000001))).not.toContain("NPC");
    expect(text(html)).toContain("|All (3)|Players (1)|NPCs (2)|");
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="contacts-kind-all"/);
    expect(html).toMatch(/aria-pressed="false"[^>]*data-testid="contacts-kind-npcs"/);
  });
});
