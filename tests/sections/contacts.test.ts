// contacts: labels and contacts diffed on their ids, so a run with nothing new
// writes nothing and a mutation writes only the touched contacts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { contacts, type ContactsData } from "~/server/sections/contacts";
import type { PersistContext } from "~/server/sections/types";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { updateSection } from "~/server/updates/update-section";
import { characterSection } from "~/simulator/data";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

const CHARACTER = 2112000003;
let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;
let url: string;
const reported: number[][] = [];
const run = (force = false) =>
  updateSection({ db: t.db, esi, resolvers: { entities: async (ids) => reported.push(ids) } }, CHARACTER, contacts, {
    force,
    settings: DEFAULT_SECTION_SETTINGS,
  });
/** Time passes: ESI's caches and the remembered expiries run out; ETags stay. */
const letCachesExpire = async () => {
  sim.expireCaches(CHARACTER);
  esi.clearMemory();
  await t.db.sectionUpdateStatus.updateMany({ data: { cacheExpiresAt: null } });
  await t.db.sectionRouteCache.updateMany({ data: { expiresAt: null } });
};
const status = () => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: { characterId_section: { characterId: CHARACTER, section: "contacts" } } });
const stored = async () =>
  (await t.db.characterContact.findMany({ where: { characterId: CHARACTER }, orderBy: { contactId: "asc" } })).map((c) => [
    c.contactId,
    c.standing,
    c.isWatched,
    c.isBlocked,
    c.labelIds.map(Number),
  ]);
const expected = () => {
  const sim = characterSection(CHARACTER, "contacts")!;
  const known = new Set(sim.labels.map((l) => l.label_id));
  return [...sim.contacts]
    .sort((a, b) => a.contact_id - b.contact_id)
    .map((c) => [c.contact_id, c.standing, c.is_watched ?? false, c.is_blocked ?? false, (c.label_ids ?? []).filter((id) => known.has(id)).sort((a, b) => a - b)]);
};

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  url = started.url;
  await registerWithToken(t.db, url, CHARACTER, { scopes: [...contacts.scopes] });
  esi = makeClient(t.db, url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("contacts section", () => {
  it("loads labels and every contact on first run and reports the contact ids", async () => {
    const outcome = await run();
    expect(outcome).toMatchObject({ section: "contacts", status: "updated" });
    expect(await stored()).toEqual(expected());
    const labels = await t.db.characterContactLabel.findMany({ where: { characterId: CHARACTER } });
    expect(labels.map((l) => [Number(l.labelId), l.name]).sort()).toEqual(characterSection(CHARACTER, "contacts")!.labels.map((l) => [l.label_id, l.label_name]).sort());
    expect(new Set(reported.at(-1))).toEqual(new Set(expected().map((c) => c[0])));
    expect((await status()).isSuccess).toBe(true);
  });

  it("writes no section row when nothing changed, even when forced", async () => {
    sim.expireCaches(CHARACTER);
    expect((await run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(expected());
  });

  it("writes only the new and changed contacts", async () => {
    const change = sim.mutateCharacter(CHARACTER, "contacts");
    sim.expireCaches(CHARACTER);
    const outcome = await run(true);
    expect(outcome).toEqual({ section: "contacts", status: "updated", written: change.changed.contacts!.length });
    expect(await stored()).toEqual(expected());
  });

  it("keeps one ETag per route: changed contacts with unchanged labels re-read and write only the contacts", async () => {
    const change = sim.mutateCharacter(CHARACTER, "contacts");
    await letCachesExpire();
    const before = esi.snapshot().notModified;
    let persisted: ContactsData | undefined;
    const spy = { ...contacts, persist: (ctx: PersistContext, data: ContactsData) => ((persisted = data), contacts.persist(ctx, data)) };
    const outcome = await updateSection({ db: t.db, esi }, CHARACTER, spy, { settings: DEFAULT_SECTION_SETTINGS });
    expect(outcome).toEqual({ section: "contacts", status: "updated", written: change.changed.contacts!.length });
    expect(esi.snapshot().notModified - before).toBe(1);
    expect(persisted?.labels).toBeNull();
    expect(persisted?.contacts).not.toBeNull();
    expect(await stored()).toEqual(expected());
  });

  it("keeps one ETag per route: a new label alone writes only that label", async () => {
    const label = { label_id: 99, label_name: "Added in game" };
    characterSection(CHARACTER, "contacts")!.labels.push(label);
    await letCachesExpire();
    const before = esi.snapshot().notModified;
    expect(await run()).toEqual({ section: "contacts", status: "updated", written: 1 });
    // The contact list answered 304.
    expect(esi.snapshot().notModified - before).toBe(1);
    const stored = await t.db.characterContactLabel.findUniqueOrThrow({ where: { characterId_labelId: { characterId: CHARACTER, labelId: BigInt(label.label_id) } } });
    expect(stored.name).toBe(label.label_name);
    const caches = await t.db.sectionRouteCache.findMany({ where: { characterId: CHARACTER, section: "contacts" } });
    expect(caches.map((c) => c.route)).toEqual(["GET /characters/{character_id}/contacts/labels"]);
  });

  it("keeps the last good data and records the error when ESI fails mid-update", async () => {
    const before = await stored();
    sim.mutateCharacter(CHARACTER, "contacts");
    sim.expireCaches(CHARACTER);
    // Labels succeed, the contacts walk fails.
    sim.injectFault({ route: "/characters/{character_id}/contacts", kind: "status", status: 500 });
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
