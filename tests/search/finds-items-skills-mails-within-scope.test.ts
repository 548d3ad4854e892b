// Search across characters finds the right rows for each kind (items with their
// locations summed as the assets tab files them, skills at a level, skill sets passed,
// mails by subject or sender) and nothing outside the viewer's scope: own, shared, same
// corporation, same alliance, everything, none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "~/server/access/viewer";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import type { Permission } from "~/server/identity/permissions";
import { searchItems } from "~/server/search/items";
import { searchMails } from "~/server/search/mails";
import { searchSkill, searchSkillSet } from "~/server/search/skills";
import { lookupTypes } from "~/server/search/types";
import { assetLocations } from "~/server/sheet/assets";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import {
  ALL_CHARACTERS,
  LOCATION,
  SENDER,
  SHARED_CHARACTER,
  seedSearchWorld,
  setViewerPermissions,
  TYPE,
} from "../support/search-world";

let t: TestDatabase;
let skillSetId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ skillSetId } = await seedSearchWorld(t.db));
});
afterAll(async () => t?.drop());

const SEARCHER: Permission[] = ["basic_access", "finder_access", "view_skill_sets"];
const AUDITOR: Permission[] = [...SEARCHER, "characters_access"];

/** The characters each search kind returns, in one object so a scope's answer reads at a glance. */
async function charactersFound(viewer: Viewer) {
  const ids = (rows: { character: { id: number } }[]) => [...new Set(rows.map((r) => r.character.id))].sort();
  return {
    items: ids((await searchItems(t.db, viewer, { typeIds: [TYPE.rorqual], limit: 200 })).rows),
    skill: ids((await searchSkill(t.db, viewer, { skillId: TYPE.skill, minLevel: 4, limit: 200 })).rows),
    skillSet: ids((await searchSkillSet(t.db, viewer, { skillSetId, limit: 200 })).rows),
    mails: ids((await searchMails(t.db, viewer, { subject: "fleet", limit: 200 })).rows),
  };
}
const everyKind = (ids: number[]) => ({ items: ids, skill: ids, skillSet: ids, mails: ids });

describe("search scope", () => {
  it.each<[string, Permission[], number[]]>([
    ["own characters only", SEARCHER, [100, 101]],
    ["shared characters", [...SEARCHER, "view_shared_characters"], [100, 101, SHARED_CHARACTER]],
    ["same corporation", [...AUDITOR, "view_same_corporation"], [100, 101, 200]],
    ["same alliance", [...AUDITOR, "view_same_alliance"], [100, 101, 200, 300]],
    ["everything", [...AUDITOR, "view_everything"], ALL_CHARACTERS],
    // Listed by the finder but not openable: a search would show sheet data the viewer may not read.
    ["same corporation without characters_access", [...SEARCHER, "view_same_corporation"], [100, 101]],
    ["no finder access", ["basic_access", "view_everything", "characters_access", "view_skill_sets"], []],
    ["nothing but view_skill_sets", ["view_skill_sets"], []],
  ])("%s: every kind finds exactly the characters in scope", async (_name, perms, expected) => {
    const viewer = await setViewerPermissions(t.db, perms);
    expect(await charactersFound(viewer)).toEqual(everyKind([...expected].sort()));
  });

  it("refuses the area to a viewer without finder_access, as the header does", async () => {
    await setViewerPermissions(t.db, ["basic_access", "view_everything", "characters_access"]);
    const deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
    const caller = appRouter.createCaller({ deps, user: { id: "viewer" } as CurrentUser });
    await expect(caller.search.items({ typeIds: [TYPE.rorqual] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.search.mails({ sender: "boss" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("names skill sets only to holders of view_skill_sets, as the sheet's skill-set tab", async () => {
    const viewer = await setViewerPermissions(t.db, ["basic_access", "finder_access"]);
    await expect(searchSkillSet(t.db, viewer, { skillSetId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await searchSkill(t.db, viewer, { skillId: TYPE.skill })).total).toBe(2);
  });
});

describe("search kinds", () => {
  it("looks types up by name, names starting with the text first, skills only for skills", async () => {
    expect((await lookupTypes(t.db, { query: "rorq" })).map((x) => x.name)).toEqual(["Rorqual", "Rorqual Blueprint"]);
    expect((await lookupTypes(t.db, { query: "industrial" })).map((x) => x.name)).toEqual([
      "Industrial Reconfiguration",
      "Capital Industrial Ships",
    ]);
    expect((await lookupTypes(t.db, { query: "industrial", kind: "skill" })).map((x) => x.id)).toEqual([
      TYPE.other,
      TYPE.skill,
    ]);
    expect(await lookupTypes(t.db, { query: "50%" })).toEqual([]);
  });

  it("sums items per character and location, filing contents under their top-level item's place as the assets tab does", async () => {
    const viewer = await setViewerPermissions(t.db, SEARCHER);
    const found = await searchItems(t.db, viewer, { typeIds: [TYPE.tritanium] });
    const mine = found.rows.filter((r) => r.character.id === 100);
    const tab = await assetLocations(t.db, 100);
    const tabName = (id: bigint) => tab.locations.find((l) => BigInt(l.id) === id)!.name;
    expect(mine.map((r) => [r.location.id, r.location.name, r.quantity, r.items])).toEqual([
      [String(LOCATION.amarr), tabName(LOCATION.amarr), 75, 2],
      [String(LOCATION.jita), tabName(LOCATION.jita), 100, 1],
      [String(LOCATION.unknown), tabName(LOCATION.unknown), 10, 1],
    ]);
    expect(tabName(LOCATION.unknown)).toBe(`Unknown location #${LOCATION.unknown}`);
    expect(found.total).toBe(6);
    expect(mine[0]).toMatchObject({ type: { id: TYPE.tritanium, name: "Tritanium" }, href: "/characters/100/assets" });
  });

  it("answers several types at once, one row per type", async () => {
    const viewer = await setViewerPermissions(t.db, SEARCHER);
    const found = await searchItems(t.db, viewer, { typeIds: [TYPE.rorqual, TYPE.tritanium, TYPE.rorqual] });
    const pilot = found.rows
      .filter((r) => r.character.id === 101)
      .map((r) => `${r.type.name}@${r.location.id}:${r.quantity}`);
    expect(pilot.sort()).toEqual(
      [
        `Rorqual@${LOCATION.jita}:1`,
        `Rorqual@${LOCATION.amarr}:1`,
        `Tritanium@${LOCATION.jita}:100`,
        `Tritanium@${LOCATION.amarr}:75`,
        `Tritanium@${LOCATION.unknown}:10`,
      ].sort(),
    );
  });

  it("finds skills at or above a level, by active level", async () => {
    const viewer = await setViewerPermissions(t.db, [...AUDITOR, "view_everything"]);
    const atFive = await searchSkill(t.db, viewer, { skillId: TYPE.skill, minLevel: 5 });
    // Trained 5 but active 4 (an alpha clone's cap): not a pilot of level 5 today.
    expect(atFive.rows).toEqual([]);
    const mains = await searchSkill(t.db, viewer, { skillId: TYPE.other, minLevel: 2 });
    expect(mains.rows.map((r) => r.character.id)).toEqual([100, 200, 300, 400, 500]);
    expect(mains.rows[0]).toMatchObject({
      activeLevel: 2,
      trainedLevel: 2,
      skillpoints: 90,
      href: "/characters/100/skills",
    });
  });

  it("finds characters passing a skill set, not those failing it", async () => {
    const viewer = await setViewerPermissions(t.db, [...AUDITOR, "view_everything"]);
    await t.db.characterSkillSetCheck.update({
      where: { characterId_skillSetId: { characterId: 500, skillSetId } },
      data: { failedRequired: [TYPE.skill] },
    });
    try {
      const found = await searchSkillSet(t.db, viewer, { skillSetId });
      expect(found.rows.map((r) => r.character.id)).toEqual([100, 101, 200, 300, 400, 401]);
      expect(found.rows[0]).toMatchObject({ recommendedMet: true, href: "/characters/100/skill-sets" });
    } finally {
      await t.db.characterSkillSetCheck.update({
        where: { characterId_skillSetId: { characterId: 500, skillSetId } },
        data: { failedRequired: [] },
      });
    }
  });

  it("finds mails by subject or sender name, newest first, headers only", async () => {
    const viewer = await setViewerPermissions(t.db, SEARCHER);
    const bySubject = await searchMails(t.db, viewer, { subject: "FLEET OPS" });
    expect(bySubject.rows.map((r) => [r.character.id, r.mailId, r.subject, r.sender])).toEqual([
      [101, "1011", "Fleet ops tonight", { id: SENDER.boss, name: "Fleet Boss" }],
      [100, "1001", "Fleet ops tonight", { id: SENDER.boss, name: "Fleet Boss" }],
    ]);
    expect(bySubject.rows[0]!.href).toBe("/characters/101/mail?mail=1011");
    expect(Object.keys(bySubject.rows[0]!)).not.toContain("body");
    const bySender = await searchMails(t.db, viewer, { sender: "spam" });
    expect(bySender.rows.map((r) => r.subject)).toEqual(["Cheap ISK", "Cheap ISK"]);
    const both = await searchMails(t.db, viewer, { sender: "spam", subject: "fleet" });
    expect(both.rows).toEqual([]);
    // The body is not searched.
    expect((await searchMails(t.db, viewer, { subject: "kumquat" })).rows).toEqual([]);
  });
});
