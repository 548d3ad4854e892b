// contacts: labels and contacts diffed on their ids, so a run with nothing new
// writes nothing and a mutation writes only the touched contacts.
import { describe, expect, it } from "vitest";
import { contacts, type ContactsData } from "~/server/sections/contacts";
import type { PersistContext } from "~/server/sections/types";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { updateSection } from "~/server/updates/update-section";
import { characterSection } from "~/simulator/data";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000003;
const h = useSectionHarness(CHARACTER, contacts);
/** Time passes: ESI's caches and the remembered expiries run out; ETags stay. */
const letCachesExpire = async () => {
  h.sim.expireCaches(CHARACTER);
  h.esi.clearMemory();
  await h.db.sectionUpdateStatus.updateMany({ data: { cacheExpiresAt: null } });
  await h.db.sectionRouteCache.updateMany({ data: { expiresAt: null } });
};
const stored = async () =>
  (await h.db.characterContact.findMany({ where: { characterId: CHARACTER }, orderBy: { contactId: "asc" } })).map(
    (c) => [c.contactId, c.standing, c.isWatched, c.isBlocked, c.labelIds.map(Number)],
  );
const expected = () => {
  const sim = characterSection(CHARACTER, "contacts")!;
  const known = new Set(sim.labels.map((l) => l.label_id));
  return [...sim.contacts]
    .sort((a, b) => a.contact_id - b.contact_id)
    .map((c) => [
      c.contact_id,
      c.standing,
      c.is_watched ?? false,
      c.is_blocked ?? false,
      (c.label_ids ?? []).filter((id) => known.has(id)).sort((a, b) => a - b),
    ]);
};

describe("contacts section", () => {
  it("loads labels and every contact on first run and reports the contact ids", async () => {
    const outcome = await h.run();
    expect(outcome).toMatchObject({ section: "contacts", status: "updated" });
    expect(await stored()).toEqual(expected());
    const labels = await h.db.characterContactLabel.findMany({ where: { characterId: CHARACTER } });
    expect(labels.map((l) => [Number(l.labelId), l.name]).sort()).toEqual(
      characterSection(CHARACTER, "contacts")!
        .labels.map((l) => [l.label_id, l.label_name])
        .sort(),
    );
    expect(new Set(h.reported.entities.at(-1))).toEqual(new Set(expected().map((c) => c[0])));
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("writes no section row when nothing changed, even when forced", async () => {
    h.sim.expireCaches(CHARACTER);
    expect((await h.run(true)).status).toBe("unchanged");
    expect(await stored()).toEqual(expected());
  });

  it("writes only the new and changed contacts", async () => {
    const change = h.sim.mutateCharacter(CHARACTER, "contacts");
    h.sim.expireCaches(CHARACTER);
    const outcome = await h.run(true);
    expect(outcome).toEqual({ section: "contacts", status: "updated", written: change.changed.contacts!.length });
    expect(await stored()).toEqual(expected());
  });

  it("keeps one ETag per route: changed contacts with unchanged labels re-read and write only the contacts", async () => {
    const change = h.sim.mutateCharacter(CHARACTER, "contacts");
    await letCachesExpire();
    const before = h.esi.snapshot().notModified;
    let persisted: ContactsData | undefined;
    const spy = {
      ...contacts,
      persist: (ctx: PersistContext, data: ContactsData) => {
        persisted = data;
        return contacts.persist(ctx, data);
      },
    };
    const outcome = await updateSection({ db: h.db, esi: h.esi }, CHARACTER, spy, {
      settings: DEFAULT_SECTION_SETTINGS,
    });
    expect(outcome).toEqual({ section: "contacts", status: "updated", written: change.changed.contacts!.length });
    expect(h.esi.snapshot().notModified - before).toBe(1);
    expect(persisted?.labels).toBeNull();
    expect(persisted?.contacts).not.toBeNull();
    expect(await stored()).toEqual(expected());
  });

  it("keeps one ETag per route: a new label alone writes only that label", async () => {
    const label = { label_id: 99, label_name: "Added in game" };
    characterSection(CHARACTER, "contacts")!.labels.push(label);
    await letCachesExpire();
    const before = h.esi.snapshot().notModified;
    expect(await h.run()).toEqual({ section: "contacts", status: "updated", written: 1 });
    // The contact list answered 304.
    expect(h.esi.snapshot().notModified - before).toBe(1);
    const stored = await h.db.characterContactLabel.findUniqueOrThrow({
      where: { characterId_labelId: { characterId: CHARACTER, labelId: BigInt(label.label_id) } },
    });
    expect(stored.name).toBe(label.label_name);
    const caches = await h.db.sectionRouteCache.findMany({ where: { characterId: CHARACTER, section: "contacts" } });
    expect(caches.map((c) => c.route)).toEqual(["GET /characters/{character_id}/contacts/labels"]);
  });

  it("a failing contact list keeps its last good data while the labels are stored, and names the part", async () => {
    const before = await stored();
    const label = { label_id: 98, label_name: "Added while contacts fail" };
    characterSection(CHARACTER, "contacts")!.labels.push(label);
    h.sim.mutateCharacter(CHARACTER, "contacts");
    h.sim.expireCaches(CHARACTER);
    h.sim.injectFault({ route: "/characters/{character_id}/contacts", kind: "status", status: 500 });
    const outcome = await h.run(true).finally(() => h.sim.clearFaults());
    expect(outcome).toMatchObject({ section: "contacts", status: "updated", written: 1 });
    expect(await stored()).toEqual(before);
    const labels = await h.db.characterContactLabel.findMany({ where: { characterId: CHARACTER } });
    expect(labels.map((l) => Number(l.labelId))).toContain(label.label_id);
    const status = await h.status();
    expect(status.isSuccess).toBe(false);
    expect(status.errorMessage).toMatch(/(^|; |: )contacts: /);
    expect(status.errorMessage).not.toMatch(/contact labels/);
    // The failed part is asked again by the next run, unforced.
    await letCachesExpire();
    await h.run();
    expect(await stored()).toEqual(expected());
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
