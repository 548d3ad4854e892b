// mails: headers walked newest first down to the stored ones, bodies fetched once,
// 404 bodies delete their header, the retention purge, and the usual failure cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { retentionCutoff } from "~/server/sections/retention";
import { mails } from "~/server/sections/mails";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import type { SectionSettings } from "~/server/sections/types";
import { updateSection } from "~/server/updates/update-section";
import { characterSection } from "~/simulator/data";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

const CHARACTER = 2112000004;
const BODY_ROUTE = "/characters/{character_id}/mail/{mail_id}";
let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;
let url: string;
let bodyCalls = 0;
const reported: number[][] = [];

/** The client, counting body requests. */
const counting = (): EsiClient => ({
  ...esi,
  getData: ((path: string, options: never) => {
    if (path === BODY_ROUTE) bodyCalls += 1;
    return esi.getData(path as never, options);
  }) as EsiClient["getData"],
});
const run = (force = false, settings: SectionSettings = DEFAULT_SECTION_SETTINGS) =>
  updateSection({ db: t.db, esi: counting(), resolvers: { entities: async (ids) => reported.push(ids) } }, CHARACTER, mails, { force, settings });
const status = () => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: { characterId_section: { characterId: CHARACTER, section: "mails" } } });
const storedMails = () => t.db.characterMail.findMany({ where: { characterId: CHARACTER }, orderBy: { mailId: "desc" } });
const simMail = () => characterSection(CHARACTER, "mail")!;

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  url = started.url;
  await registerWithToken(t.db, url, CHARACTER, { scopes: [...mails.scopes] });
  esi = makeClient(t.db, url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("retention cutoff", () => {
  it("is now minus the retention days, rounded down to the hour", () => {
    expect(retentionCutoff(new Date("2026-05-10T12:34:56Z"), 7).toISOString()).toBe("2026-05-03T12:00:00.000Z");
  });
});

describe("mails section", () => {
  it("loads lists, labels, the unread total, headers within retention and their bodies", async () => {
    const outcome = await run();
    expect(outcome).toMatchObject({ section: "mails", status: "updated" });
    const cutoff = retentionCutoff(new Date(), DEFAULT_SECTION_SETTINGS.retentionDays);
    const expected = [...simMail().headers]
      .reverse()
      .slice(0, 250)
      .filter((h) => new Date(h.timestamp!) >= cutoff)
      .map((h) => h.mail_id);
    const stored = await storedMails();
    expect(stored.map((m) => Number(m.mailId))).toEqual(expected);
    expect(stored.every((m) => m.body !== null && m.body.length > 0)).toBe(true);
    expect(bodyCalls).toBe(expected.length);

    const first = stored[0]!;
    const header = simMail().headers.find((h) => h.mail_id === Number(first.mailId))!;
    expect(first.senderId).toBe(header.from);
    expect(first.recipients).toEqual(header.recipients!.map((r) => ({ id: r.recipient_id, type: r.recipient_type })));

    const labels = simMail().labels;
    expect((await t.db.characterMailLabel.findMany({ where: { characterId: CHARACTER } })).length).toBe(labels.length);
    const unread = simMail().headers.filter((h) => !h.is_read).length;
    expect((await t.db.characterMailUnreadCount.findUniqueOrThrow({ where: { characterId: CHARACTER } })).total).toBe(unread);
    expect((await t.db.characterMailingList.findMany({ where: { characterId: CHARACTER } })).map((l) => l.mailingListId).sort()).toEqual(
      simMail().lists.map((l) => l.mailing_list_id).sort(),
    );
    const ids = new Set(reported.at(-1));
    const lists = new Set(simMail().lists.map((l) => l.mailing_list_id));
    expect(ids.has(header.from!)).toBe(true);
    expect([...ids].some((id) => lists.has(id))).toBe(false);
    expect((await status()).isSuccess).toBe(true);
  });

  it("writes no section row and fetches no body when nothing changed", async () => {
    const before = await storedMails();
    bodyCalls = 0;
    sim.expireCaches(CHARACTER);
    const outcome = await run(true);
    // The first run walked every page; later runs see only the newest page, so the hash may differ once.
    expect(outcome.status === "unchanged" || (outcome.status === "updated" && outcome.written === 0)).toBe(true);
    expect(await run(true)).toMatchObject({ status: "unchanged" });
    expect(bodyCalls).toBe(0);
    expect(await storedMails()).toEqual(before);
  });

  it("stores only new mails and fetches only their bodies", async () => {
    const before = await storedMails();
    const change = sim.mutateCharacter(CHARACTER, "mail");
    const added = change.changed.mail!;
    sim.expireCaches(CHARACTER);
    bodyCalls = 0;
    const outcome = await run(true);
    expect(outcome.status).toBe("updated");
    expect(bodyCalls).toBe(added.length);
    const after = await storedMails();
    expect(after.map((m) => Number(m.mailId))).toEqual([...[...added].reverse(), ...before.map((m) => Number(m.mailId))]);
    expect(after.slice(added.length)).toEqual(before);
    expect(after.slice(0, added.length).every((m) => m.body)).toBe(true);
    const unread = simMail().headers.filter((h) => !h.is_read).length;
    expect((await t.db.characterMailUnreadCount.findUniqueOrThrow({ where: { characterId: CHARACTER } })).total).toBe(unread);
  });

  it("deletes a header whose body answers 404 (deleted in game)", async () => {
    const newest = (await storedMails())[0]!;
    // A stored header ESI no longer knows, still waiting for its body.
    await t.db.characterMail.create({
      data: { characterId: CHARACTER, mailId: 1n, senderId: newest.senderId, recipients: [], labelIds: [1], subject: "gone", isRead: true, timestamp: newest.timestamp },
    });
    bodyCalls = 0;
    sim.expireCaches(CHARACTER);
    expect(await run(true)).toMatchObject({ status: "updated" });
    expect(bodyCalls).toBe(1);
    expect(await t.db.characterMail.findUnique({ where: { characterId_mailId: { characterId: CHARACTER, mailId: 1n } } })).toBeNull();
  });

  it("purges mails older than the retention cutoff", async () => {
    const settings = { ...DEFAULT_SECTION_SETTINGS, retentionDays: 30 };
    const cutoff = retentionCutoff(new Date(), 30);
    const before = await storedMails();
    const old = before.filter((m) => m.timestamp < cutoff).length;
    expect(old).toBeGreaterThan(0);
    // Nothing new in ESI: the engine purges anyway.
    const outcome = await run(false, settings);
    expect(outcome).toMatchObject({ status: "unchanged", purged: old });
    const after = await storedMails();
    expect(after.length).toBe(before.length - old);
    expect(after.every((m) => m.timestamp >= cutoff)).toBe(true);
  });

  it("keeps the last good data and records the error when a body fetch fails mid-update", async () => {
    const before = await storedMails();
    sim.mutateCharacter(CHARACTER, "mail");
    sim.expireCaches(CHARACTER);
    sim.injectFault({ route: BODY_ROUTE, kind: "status", status: 500 });
    const outcome = await run(true);
    sim.clearFaults();
    expect(outcome.status).toBe("failed");
    expect((await status()).isSuccess).toBe(false);
    expect((await status()).errorMessage).toBeTruthy();
    expect(await storedMails()).toEqual(before);
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
