// calendar: upcoming events with their detail, upserted by event id; a detail is
// fetched only for new events and events whose summary changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { calendar } from "~/server/sections/calendar";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { updateSection } from "~/server/updates/update-section";
import { characterSection } from "~/simulator/data";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

const DETAIL_ROUTE = "/characters/{character_id}/calendar/{event_id}";
const upcoming = (id: number) => characterSection(id, "events")!.events.filter((e) => Date.parse(e.date) >= Date.now());
// A roster character with a few upcoming events.
const CHARACTER = Array.from({ length: 12 }, (_, i) => 2112000001 + i).find((id) => upcoming(id).length >= 3)!;
let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;
let url: string;
let detailCalls = 0;
const counting = (): EsiClient => ({
  ...esi,
  getData: ((path: string, options: never) => {
    if (path === DETAIL_ROUTE) detailCalls += 1;
    return esi.getData(path as never, options);
  }) as EsiClient["getData"],
});
const run = (force = false) => updateSection({ db: t.db, esi: counting() }, CHARACTER, calendar, { force, settings: DEFAULT_SECTION_SETTINGS });
const key = { characterId_section: { characterId: CHARACTER, section: "calendar" } };
const status = () => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: key });
const stored = async () =>
  (await t.db.characterCalendarEvent.findMany({ where: { characterId: CHARACTER }, orderBy: { eventId: "asc" } })).map((e) => [
    e.eventId,
    e.date.toISOString(),
    e.title,
    e.importance,
    e.response,
    e.duration,
    e.ownerId,
    e.ownerType,
    e.text,
  ]);
const expected = () =>
  upcoming(CHARACTER).map((e) => [e.event_id, new Date(e.date).toISOString(), e.title, e.importance, e.response, e.duration, e.owner_id, e.owner_type, e.text]);

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  url = started.url;
  await registerWithToken(t.db, url, CHARACTER, { scopes: [...calendar.scopes] });
  esi = makeClient(t.db, url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("calendar section", () => {
  it("is marked as beyond Member Audit", () => {
    expect(calendar.extra).toBe(true);
  });

  it("loads upcoming events with their details on first run", async () => {
    expect(await run()).toEqual({ section: "calendar", status: "updated", written: expected().length });
    expect(await stored()).toEqual(expected());
    expect(detailCalls).toBe(expected().length);
    expect((await status()).isSuccess).toBe(true);
  });

  it("writes no section row and fetches no detail when nothing changed", async () => {
    detailCalls = 0;
    expect((await run()).status).toBe("unchanged");
    sim.expireCaches(CHARACTER);
    expect((await run(true)).status).toBe("unchanged");
    expect(detailCalls).toBe(0);
    expect(await stored()).toEqual(expected());
  });

  it("fetches and writes only the events that differ", async () => {
    const [first, second] = await t.db.characterCalendarEvent.findMany({ where: { characterId: CHARACTER }, orderBy: { eventId: "asc" }, take: 2 });
    await t.db.characterCalendarEvent.update({ where: { characterId_eventId: { characterId: CHARACTER, eventId: first!.eventId } }, data: { title: "renamed" } });
    await t.db.characterCalendarEvent.delete({ where: { characterId_eventId: { characterId: CHARACTER, eventId: second!.eventId } } });
    await t.db.sectionUpdateStatus.update({ where: key, data: { contentHash: null } });
    sim.expireCaches(CHARACTER);
    detailCalls = 0;
    expect(await run(true)).toEqual({ section: "calendar", status: "updated", written: 2 });
    expect(detailCalls).toBe(2);
    expect(await stored()).toEqual(expected());
  });

  it("keeps the last good data and records the error when a detail fails mid-update", async () => {
    const [first] = await t.db.characterCalendarEvent.findMany({ where: { characterId: CHARACTER }, orderBy: { eventId: "asc" }, take: 1 });
    await t.db.characterCalendarEvent.delete({ where: { characterId_eventId: { characterId: CHARACTER, eventId: first!.eventId } } });
    await t.db.sectionUpdateStatus.update({ where: key, data: { contentHash: null } });
    const before = await stored();
    sim.expireCaches(CHARACTER);
    sim.injectFault({ route: DETAIL_ROUTE, kind: "status", status: 500 });
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
