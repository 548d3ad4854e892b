// Groups carry permissions; sharing lasts while the owner holds share_characters and
// until the timeout; new users join the default group.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "~/server/access/viewer";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import { registerCharacter, signInWithCharacter } from "~/server/characters/registration";
import { expireShares, setShared } from "~/server/sharing/shares";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import {
  createGroup,
  listGroups,
  permissionHolders,
  setMembership,
  setSuperuser,
  updateGroup,
} from "~/server/groups/admin";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
const cipher = createTokenCipher({ current: Buffer.alloc(32, 4).toString("base64") });
const identity = (id: number): EveIdentity => ({
  characterId: id,
  characterName: `P${id}`,
  ownerHash: `o${id}`,
  scopes: [],
  expiresAt: new Date(),
});
const tokens = { refreshToken: "r", accessToken: "a", accessTokenExpiresAt: new Date() };
let admin: string;
let pilot: string;

beforeAll(async () => {
  t = await createTestDatabase();
  admin = (await signInWithCharacter({ db: t.db, cipher }, identity(1))).userId;
  pilot = (await signInWithCharacter({ db: t.db, cipher }, identity(2))).userId;
  await registerCharacter({ db: t.db, cipher }, pilot, identity(2), tokens);
});
afterAll(async () => t?.drop());

describe("groups", () => {
  it("makes a default Members group on the first sign-in and puts later users in it", async () => {
    const groups = await listGroups(t.db);
    expect(groups.map((g) => [g.name, g.isDefault, g.permissions, g.memberCount])).toEqual([
      ["Members", true, ["basic_access", "share_characters"], 2],
    ]);
    const viewer = (await loadViewer(t.db, pilot))!;
    expect([...viewer.permissions].sort()).toEqual(["basic_access", "share_characters"]);
    expect((await loadViewer(t.db, admin))!.isSuperuser).toBe(true);
  });

  it("refuses duplicate names and self-demotion", async () => {
    await createGroup(t.db, {
      name: "Recruiters",
      description: "",
      permissions: ["finder_access", "view_shared_characters"],
      isDefault: false,
    });
    await expect(
      createGroup(t.db, { name: "Recruiters", description: "", permissions: [], isDefault: false }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", message: 'A group named "Recruiters" exists already.' });
    await expect(setSuperuser(t.db, admin, admin, false)).rejects.toThrow(/yourself/);
  });

  it("lists who holds what, and through which group", async () => {
    const holders = await permissionHolders(t.db);
    const share = holders.find((h) => h.permission === "share_characters")!;
    expect(share.holders.map((h) => [h.name, h.via]).sort()).toEqual([
      ["P1", ["superuser", "Members"]],
      ["P2", ["Members"]],
    ]);
    expect(holders.find((h) => h.permission === "view_everything")!.holders.map((h) => h.name)).toEqual(["P1"]);
  });
});

describe("sharing", () => {
  it("shares only with share_characters and only own characters", async () => {
    const viewer = (await loadViewer(t.db, pilot))!;
    await setShared(t.db, viewer, 2, true);
    expect((await t.db.character.findUniqueOrThrow({ where: { id: 2 } })).isShared).toBe(true);
    await expect(setShared(t.db, (await loadViewer(t.db, admin))!, 2, true)).rejects.toThrow(/not found/i);
    const stripped = { ...viewer, permissions: new Set(["basic_access" as const]) };
    await expect(setShared(t.db, stripped, 2, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("ends shares when the owner loses share_characters", async () => {
    const members = (await listGroups(t.db)).find((g) => g.name === "Members")!;
    await updateGroup(t.db, members.id, {
      name: "Members",
      description: "",
      permissions: ["basic_access"],
      isDefault: true,
    });
    expect((await t.db.character.findUniqueOrThrow({ where: { id: 2 } })).isShared).toBe(false);
    await updateGroup(t.db, members.id, {
      name: "Members",
      description: "",
      permissions: ["basic_access", "share_characters"],
      isDefault: true,
    });
  });

  it("ends shares when removed from the group that granted the permission", async () => {
    const members = (await listGroups(t.db)).find((g) => g.name === "Members")!;
    await setShared(t.db, (await loadViewer(t.db, pilot))!, 2, true);
    await setMembership(t.db, members.id, pilot, false);
    expect((await t.db.character.findUniqueOrThrow({ where: { id: 2 } })).isShared).toBe(false);
    await setMembership(t.db, members.id, pilot, true);
  });

  it("expires shares after the timeout, never with timeout 0", async () => {
    const sharedAt = new Date("2026-01-01T00:00:00Z");
    await setShared(t.db, (await loadViewer(t.db, pilot))!, 2, true, sharedAt);
    expect(await expireShares(t.db, 0, new Date("2027-01-01T00:00:00Z"))).toBe(0);
    expect(await expireShares(t.db, 60, new Date("2026-01-01T00:59:00Z"))).toBe(0);
    expect(await expireShares(t.db, 60, new Date("2026-01-01T01:01:00Z"))).toBe(1);
    expect((await t.db.character.findUniqueOrThrow({ where: { id: 2 } })).sharedAt).toBeNull();
  });
});
