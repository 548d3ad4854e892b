// The finder lists what the viewer may list, pages through all of it exactly once,
// sorts and filters on the server, and refuses bad cursors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "~/server/access/viewer";
import type { Permission } from "~/server/identity/permissions";
import { findCharacters } from "~/server/finder/character-finder";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
const CORPS = [
  { id: 98000001, name: "Sim Industries", alliance: 99000001, allianceName: "Simulated Alliance" },
  { id: 98000003, name: "Test Haulers", alliance: 99000002, allianceName: "Other Alliance" },
  { id: 98000004, name: "Lone Wolves", alliance: null, allianceName: null },
];
const USERS_PER_CORP = 20;
const ALTS = 4;

async function viewerWith(userId: string, perms: Permission[]) {
  await t.db.group.upsert({
    where: { id: `g-${userId}` },
    create: { id: `g-${userId}`, name: `g-${userId}`, permissions: perms, members: { create: { userId } } },
    update: { permissions: perms },
  });
  return (await loadViewer(t.db, userId))!;
}

async function all(viewer: Awaited<ReturnType<typeof viewerWith>>, input: Parameters<typeof findCharacters>[2] = {}) {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await findCharacters(t.db, viewer, { ...input, limit: 25, cursor });
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.group.create({
    data: { id: "members", name: "Members", permissions: ["basic_access", "share_characters"] },
  });
  let id = 1000;
  for (const corp of CORPS) {
    for (let u = 0; u < USERS_PER_CORP; u++) {
      const userId = `u-${corp.id}-${u}`;
      const ids = Array.from({ length: ALTS + 1 }, () => ++id);
      for (const [i, cid] of ids.entries()) {
        await t.db.eveCharacter.create({
          data: {
            id: cid,
            name: `Pilot ${String(cid).padStart(5, "0")}`,
            corporationId: i === 0 ? corp.id : CORPS[(u + i) % 3]!.id,
            corporationName: i === 0 ? corp.name : CORPS[(u + i) % 3]!.name,
            allianceId: corp.alliance,
            allianceName: corp.allianceName,
          },
        });
      }
      await t.db.user.create({
        data: { id: userId, mainCharacterId: ids[0], memberships: { create: { groupId: "members" } } },
      });
      for (const [i, cid] of ids.entries()) {
        await t.db.characterOwnership.create({ data: { characterId: cid, userId, ownerHash: `h${cid}` } });
        // The main stays unregistered; alts are registered, every 7th shared.
        if (i > 0) await t.db.character.create({ data: { id: cid, isShared: cid % 7 === 0 } });
      }
    }
  }
});
afterAll(async () => t?.drop());

describe("character finder", () => {
  it("lists the corporation's users' characters (unregistered mains included) for a corp leader, each once", async () => {
    const leader = await viewerWith(`u-98000001-0`, ["basic_access", "finder_access", "view_same_corporation"]);
    const ids = await all(leader);
    expect(ids).toHaveLength(USERS_PER_CORP * (ALTS + 1));
    expect(new Set(ids).size).toBe(ids.length);
    const rows = (await findCharacters(t.db, leader, { limit: 200 })).rows;
    expect(rows.every((r) => r.main?.corporationName === "Sim Industries")).toBe(true);
    expect(rows.filter((r) => !r.isRegistered)).toHaveLength(USERS_PER_CORP);
    // Listing is not opening: without characters_access only own characters can be opened.
    expect(
      rows
        .filter((r) => r.canView)
        .map((r) => r.id)
        .sort(),
    ).toEqual([1002, 1003, 1004, 1005]);
  });

  it("lists shared characters for a recruiter, plus own", async () => {
    const recruiter = await viewerWith(`u-98000004-3`, ["basic_access", "finder_access", "view_shared_characters"]);
    const ids = await all(recruiter);
    const shared = (await t.db.character.findMany({ where: { isShared: true }, select: { id: true } })).map(
      (c) => c.id,
    );
    const own = (
      await t.db.characterOwnership.findMany({ where: { userId: "u-98000004-3" }, select: { characterId: true } })
    ).map((o) => o.characterId);
    expect(ids.sort()).toEqual([...new Set([...shared, ...own])].sort());
  });

  it("sorts and filters on the server", async () => {
    const auditor = await viewerWith(`u-98000003-0`, ["basic_access", "finder_access", "view_everything"]);
    expect((await findCharacters(t.db, auditor, { limit: 1 })).total).toBe(CORPS.length * USERS_PER_CORP * (ALTS + 1));
    const desc = await findCharacters(t.db, auditor, { sort: "name", order: "desc", limit: 3 });
    expect(desc.rows.map((r) => r.name)).toEqual(["Pilot 01300", "Pilot 01299", "Pilot 01298"]);
    const byCorp = await findCharacters(t.db, auditor, { sort: "corporation", limit: 200, corporationId: 98000004 });
    expect(byCorp.rows.every((r) => r.corporation?.id === 98000004)).toBe(true);
    // Search matches the character's name or its main's name (case-insensitive substring).
    const search = await findCharacters(t.db, auditor, { search: "pilot 0104", limit: 200 });
    expect(search.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(Array.from({ length: 10 }, (_, i) => `Pilot 0104${i}`)),
    );
    expect(search.rows.every((r) => r.name.startsWith("Pilot 0104") || r.main?.name.startsWith("Pilot 0104"))).toBe(
      true,
    );
    expect(search.rows.some((r) => !r.name.startsWith("Pilot 0104"))).toBe(true);
    const unregistered = await findCharacters(t.db, auditor, { status: "unregistered", limit: 200 });
    expect(unregistered.total).toBe(CORPS.length * USERS_PER_CORP);
  });

  it("refuses a malformed cursor and a cursor of another query", async () => {
    const auditor = await viewerWith(`u-98000003-0`, ["basic_access", "finder_access", "view_everything"]);
    const refusedCursor = { code: "BAD_INPUT", details: { fields: ["cursor"] } };
    await expect(findCharacters(t.db, auditor, { cursor: "garbage!" })).rejects.toMatchObject(refusedCursor);
    const first = await findCharacters(t.db, auditor, { limit: 10, sort: "name" });
    await expect(
      findCharacters(t.db, auditor, { limit: 10, sort: "main", cursor: first.nextCursor! }),
    ).rejects.toMatchObject(refusedCursor);
  });

  it("lists nothing without finder_access", async () => {
    const pilot = await viewerWith(`u-98000001-5`, ["basic_access", "view_everything"]);
    expect((await findCharacters(t.db, pilot, {})).total).toBe(0);
  });
});
