// The bell and the notification centre as rendered from what the server hands them: the
// bell's accessible name carries the count, rows say read or unread in words (not only
// colour), only unread rows offer "Mark read", "Mark all read" is off with nothing
// unread, texts are plain text, and a next page offers "Show more".
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { NotificationBell } from "~/components/notifications/notification-bell";
import { NotificationCentre } from "~/components/notifications/notification-centre";
import { render, text } from "../support/render-in-providers";

// The App Router is not mounted in a static render; the centre only asks it to refresh after a mutation.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const row = (id: string, title: string, read: boolean, level = "info") => ({
  id,
  level,
  title,
  message: `message of ${title}`,
  createdAt: new Date("2026-12-01T10:00:00Z"),
  readAt: read ? new Date("2026-12-02T10:00:00Z") : null,
});

describe("the notification bell", () => {
  it("names itself with the unread count and shows the count to sighted users only", () => {
    const html = render(createElement(NotificationBell, { unread: 3 }));
    expect(html).toContain('aria-label="Notifications, 3 unread"');
    expect(html).toContain('href="/notifications"');
    expect(html).toMatch(/<span aria-hidden="true"[^>]*notification-bell-count[^>]*>3<\/span>/);
  });

  it("shows no badge with nothing unread, and caps a large count", () => {
    const none = render(createElement(NotificationBell, { unread: 0 }));
    expect(none).toContain('aria-label="Notifications, 0 unread"');
    expect(none).not.toContain("notification-bell-count");
    expect(render(createElement(NotificationBell, { unread: 250 }))).toContain(">99+</span>");
  });
});

describe("the notification centre", () => {
  it("lists rows with their level and read state in words, and Mark read on unread rows only", () => {
    const first = {
      rows: [
        row("a", "Alt One: ESI token invalid or missing", false, "danger"),
        row("b", "Character removed: X", true),
      ],
      nextCursor: "next",
    };
    const html = render(createElement(NotificationCentre, { first, unread: 1, pageSize: 25 }));
    const shown = text(html);
    expect(shown).toContain("|Action needed|");
    expect(shown).toContain("|Unread|");
    expect(shown).toContain("|Read|");
    expect(shown).toContain("|1 unread|");
    expect(html.match(/aria-label="Mark read: [^"]*"/g)).toEqual([
      'aria-label="Mark read: Alt One: ESI token invalid or missing"',
    ]);
    expect(html).toMatch(/data-testid="notifications-mark-all"[^>]*>Mark all read/);
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*data-testid="notifications-mark-all"/);
    expect(html).toContain('<time dateTime="2026-12-01T10:00:00.000Z"');
    expect(html).toContain('data-testid="notifications-more"');
  });

  it("turns Mark all read off with nothing unread and shows the empty state", () => {
    const html = render(
      createElement(NotificationCentre, { first: { rows: [], nextCursor: null }, unread: 0, pageSize: 25 }),
    );
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*data-testid="notifications-mark-all"/);
    expect(text(html)).toContain("|No notifications.|");
    expect(text(html)).toContain("|No unread notifications|");
    expect(html).not.toContain("notifications-more");
  });

  it("shows titles and messages as text, never as markup", () => {
    const first = { rows: [row("x", '<img src=x onerror="alert(1)">', false)], nextCursor: null };
    const html = render(createElement(NotificationCentre, { first, unread: 1, pageSize: 25 }));
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x");
  });
});
