// notifications: upserted by id (only new or changed rows written), purged by retention.
// The simulator has no notifications mutation, so changes are simulated on stored rows.
import { describe, expect, it } from "vitest";
import { retentionCutoff } from "~/server/sections/retention";
import { notifications } from "~/server/sections/notifications";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000005;
const ROUTE = "/characters/{character_id}/notifications";
const h = useSectionHarness(CHARACTER, notifications);
const stored = async () =>
  (
    await h.db.characterNotification.findMany({ where: { characterId: CHARACTER }, orderBy: { notificationId: "asc" } })
  ).map((n) => [Number(n.notificationId), n.type, n.senderId, n.timestamp.toISOString(), n.isRead, n.text]);
const expected = () =>
  [...characterSection(CHARACTER, "events")!.notifications]
    .sort((a, b) => a.notification_id - b.notification_id)
    .map((n) => [
      n.notification_id,
      n.type,
      n.sender_id,
      new Date(n.timestamp).toISOString(),
      n.is_read ?? false,
      n.text ?? null,
    ]);

describe("notifications section", () => {
  it("is marked as beyond Member Audit", () => {
    expect(notifications.extra).toBe(true);
  });

  it("loads every notification on first run and reports named senders", async () => {
    expect(await h.run()).toEqual({ section: "notifications", status: "updated", written: expected().length });
    expect(await stored()).toEqual(expected());
    expect(h.reported.entities.at(-1)!.length).toBeGreaterThan(0);
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("writes no section row when nothing changed, even when forced", async () => {
    expect((await h.run()).status).toBe("unchanged");
    h.sim.expireCaches(CHARACTER);
    expect((await h.run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(expected());
  });

  it("writes only new and changed notifications", async () => {
    const [first, second] = await h.db.characterNotification.findMany({
      where: { characterId: CHARACTER },
      orderBy: { notificationId: "asc" },
      take: 2,
    });
    await h.db.characterNotification.update({
      where: { characterId_notificationId: { characterId: CHARACTER, notificationId: first!.notificationId } },
      data: { isRead: !first!.isRead },
    });
    await h.db.characterNotification.delete({
      where: { characterId_notificationId: { characterId: CHARACTER, notificationId: second!.notificationId } },
    });
    await h.forgetContentHash();
    h.sim.expireCaches(CHARACTER);
    expect(await h.run(true)).toEqual({ section: "notifications", status: "updated", written: 2 });
    expect(await stored()).toEqual(expected());
  });

  it("purges notifications older than the retention cutoff", async () => {
    const cutoff = retentionCutoff(new Date(), 7);
    const old = (await stored()).filter((n) => (n[3] as string) < cutoff.toISOString()).length;
    expect(old).toBeGreaterThan(0);
    h.sim.expireCaches(CHARACTER);
    expect(await h.run(true, { ...DEFAULT_SECTION_SETTINGS, retentionDays: 7 })).toMatchObject({
      section: "notifications",
      purged: old,
    });
    expect((await stored()).every((n) => (n[3] as string) >= cutoff.toISOString())).toBe(true);
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    await h.expectFailureKeeps({ route: ROUTE, status: 502 }, stored);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
