// The admin page's webhook panel as rendered from what admin.webhooks.list hands it:
// the URL only masked, delivery status in words (not only colour), the last error with
// its time, and "Send test" / "Remove" only where a URL is set.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { WebhookPanel } from "~/components/admin/webhooks-admin";
import { render, text } from "../support/render-in-providers";

const at = new Date("2026-12-07T10:00:00Z");
const delivery = (id: string, status: string, attempts: number, lastError: string | null) => ({
  id,
  title: `Character removed: ${id}`,
  isTest: false,
  status,
  attempts,
  lastError,
  lastAttemptAt: attempts ? at : null,
  deliveredAt: status === "delivered" ? at : null,
  createdAt: at,
});

describe("the webhook panel", () => {
  it("shows the masked URL, each delivery's status in words, attempts and last error", () => {
    const html = render(
      createElement(WebhookPanel, {
        webhook: {
          eventType: "character_removed",
          label: "Character removed",
          endpoint: { kind: "discord", urlHint: "https://discord.com/…wxyz", updatedAt: at },
          recent: [
            delivery("a", "pending", 2, "HTTP 503"),
            delivery("b", "delivered", 3, "HTTP 500"),
            delivery("c", "failed", 1, "HTTP 404: Unknown Webhook"),
            delivery("d", "pending", 0, null),
          ],
        },
      }),
    );
    const shown = text(html);
    expect(shown).toContain("|Posting to https://discord.com/…wxyz (Discord)|");
    for (const word of ["|Retrying|", "|Delivered|", "|Failed|", "|Queued|"]) expect(shown).toContain(word);
    expect(shown).toContain("|HTTP 404: Unknown Webhook (");
    expect(shown).toContain("|Send test|");
    expect(shown).toContain("|Remove|");
    expect(html).toContain('aria-label="Recent deliveries: Character removed, scrolls sideways"');
  });

  it("offers only Save where no URL is set", () => {
    const html = render(
      createElement(WebhookPanel, {
        webhook: { eventType: "export_finished", label: "Export finished", endpoint: null, recent: [] },
      }),
    );
    expect(text(html)).toContain("|No webhook: notices of this event stay in the app.|");
    expect(text(html)).not.toContain("Send test");
    expect(html).toMatch(/<input type="url" required=""/);
  });
});
