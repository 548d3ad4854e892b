// notifications: upserted by id (only new or changed rows written), purged by retention.
// The simulator has no notifications mutation, so changes are simulated on stored rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { retentionCutoff } from "~/server/sections/retention";
import { notifications } from "~/server/sections/notifications";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import type { SectionSettings } from "~/server/sections/types";
import { updateSection } from "~/server/updates/update-section";
import { characterSection } from "~/simulator/data";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

const CHARACTER = 2112000005;
const ROUTE = "/characters/{character_id}/notifications";
let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;
let url: string;
const reported: number[][] = [];
const run = (force = false, settings: SectionSettings = DEFAULT_SECTION_SETTINGS) =>
  updateSection({ db: t.db, esi, resolvers: { entities: async (ids) => reported.push(ids) } }, CHARACTER, notifications, { force, settings });
const key = { characterId_section: { characterId: CHARACTER, section: "notifications" } };
const status = () => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: key });
const stored = async () =>
  (await t.db.characterNotification.findMany({ where: { characterId: CHARACTER }, orderBy: { notificationId: "asc" } })).map((n) => [
    Number(n.notificationId),
    n.type,
    n.senderId,
    n.timestamp.toISOString(),
    n.isRead,
    n.text,
  ]);
const expected = () =>
  [...characterSection(CHARACTER, "events")!.notifications]
    .sort((a, b) => a.notification_id - b.notification_id)
    .map((n) => [n.notification_id, n.type, n.sender_id, new Date(n.timestamp).toISOString(), n.is_read ?? false, n.text ?? null]);

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  url = started.url;
  await registerWithToken(t.db, url, CHARACTER, { scopes: [...notifications.scopes] });
  esi = makeClient(t.db, url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("notifications section", () => {
  it("is marked as beyond Member Audit", () => {
    expect(notifications.extra).toBe(true);
  });

  it("loads every notification on first run and reports named senders", async () => {
    expect(await run()).toEqual({ section: "notifications", status: "updated", written: expected().length });
    expect(await stored()).toEqual(expected());
    expect(reported.at(-1)!.length).toBeGreaterThan(0);
    expect((await status()).isSuccess).toBe(true);
  });

  it("writes no section row when nothing changed, even when forced", async () => {
    expect((await run()).status).toBe("unchanged");
    sim.expireCaches(CHARACTER);
    expect((await run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(expected());
  });

  it("writes only new and changed notifications", async () => {
    const [first, second] = await t.db.characterNotification.findMany({ where: { characterId: CHARACTER }, orderBy: { notificationId: "asc" }, take: 2 });
    await t.db.characterNotification.update({
      where: { characterId_notificationId: { characterId: CHARACTER, notificationId: first!.notificationId } },
      data: { isRead: !first!.isRead },
    });
    await t.db.characterNotification.delete({ where: { characterId_notificationId: { characterId: CHARACTER, notificationId: second!.notificationId } } });
    await t.db.sectionUpdateStatus.update({ where: key, data: { contentHash: null } });
    sim.expireCaches(CHARACTER);
    expect(await run(true)).toEqual({ section: "notifications", status: "updated", written: 2 });
    expect(await stored()).toEqual(expected());
  });

  it("purges notifications older than the retention cutoff", async () => {
    const cutoff = retentionCutoff(new Date(), 7);
    const old = (await stored()).filter((n) => (n[3] as string) < cutoff.toISOString()).length;
    expect(old).toBeGreaterThan(0);
    sim.expireCaches(CHARACTER);
    expect(await run(true, { ...DEFAULT_SECTION_SETTINGS, retentionDays: 7 })).toMatchObject({ section: "notifications", purged: old });
    expect((await stored()).every((n) => (n[3] as string) >= cutoff.toISOString())).toBe(true);
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    const before = await stored();
    sim.expireCaches(CHARACTER);
    sim.injectFault({ route: ROUTE, kind: "status", status: 502 });
    const outcome = await run(true);
    sim.clearFaults();
    expect(outcome.status).toBe("failed");
    expect((await status()).isSuccess).toBe(false);
    expect((await status()).errorMessage).toBeTruthy();
    expect(await stored()).toEqual(before);
  });

  it("records an invalid token as a token error", async () => {
    sim.revokeCharacterTokens(CHARACTER);
    await t.db.esiToken.update({ where: { characterId: CHARACTER }, data: { accessTokenExpiresAt: new Date(0) } });
    await esi.close();
    esi = makeClient(t.db, url);
    expect(await run(true)).toMatchObject({ status: "failed", tokenError: true });
    expect((await status()).isTokenError).toBe(true);
  });
});
