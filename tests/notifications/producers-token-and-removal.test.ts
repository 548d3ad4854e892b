// The two producers Member Audit has that this app has now (§7.2): a dead or missing
// token tells the owner once per character until it is added again, and removing a
// character tells exactly the holders of notified_on_character_removal whose scope
// includes it. Real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCharacter } from "~/server/characters/registration";
import { removeCharacter } from "~/server/characters/removal";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import type { Permission } from "~/server/identity/permissions";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { notifyTokenInvalid } from "~/server/updates/update-character";
import { createTestDatabase, type TestDatabase } from "../support/database";

const cipher = createTokenCipher({ current: Buffer.alloc(32, 4).toString("base64") });
// Nothing listens there: removal revokes nothing here (no token rows) and the SSO is never asked.
const sso = { baseUrl: "http://127.0.0.1:9", clientId: "c", clientSecret: "s" };
let t: TestDatabase;

interface Person {
  id: string;
  main: { id: number; corporationId: number; allianceId: number | null };
  permissions: Permission[];
  superuser?: boolean;
  inactive?: boolean;
}

async function seedPerson(p: Person): Promise<void> {
  await t.db.eveCharacter.create({
    data: { id: p.main.id, name: `Main ${p.id}`, corporationId: p.main.corporationId, allianceId: p.main.allianceId },
  });
  const group = await t.db.group.create({ data: { name: `group-${p.id}`, permissions: p.permissions } });
  await t.db.user.create({
    data: {
      id: p.id,
      isSuperuser: p.superuser ?? false,
      isActive: !p.inactive,
      mainCharacterId: p.main.id,
      memberships: { create: { groupId: group.id } },
      ownerships: { create: { characterId: p.main.id, ownerHash: `hash-${p.main.id}` } },
    },
  });
  await t.db.character.create({ data: { id: p.main.id } });
}

async function addAlt(userId: string, id: number, name: string): Promise<void> {
  await t.db.eveCharacter.create({ data: { id, name, corporationId: 1000, allianceId: 500 } });
  await t.db.characterOwnership.create({ data: { characterId: id, userId, ownerHash: `hash-${id}` } });
  await t.db.character.create({ data: { id } });
}

const notified = (...scope: Permission[]): Permission[] => ["basic_access", "notified_on_character_removal", ...scope];

beforeAll(async () => {
  t = await createTestDatabase();
  const people: Person[] = [
    // The member who removes a character: corporation 1000 in alliance 500; holds the permission too.
    {
      id: "owner",
      main: { id: 90000001, corporationId: 1000, allianceId: 500 },
      permissions: notified("view_everything"),
    },
    {
      id: "same-corp",
      main: { id: 90000002, corporationId: 1000, allianceId: 500 },
      permissions: notified("view_same_corporation"),
    },
    {
      id: "same-alliance",
      main: { id: 90000003, corporationId: 2000, allianceId: 500 },
      permissions: notified("view_same_alliance"),
    },
    {
      id: "other-corp",
      main: { id: 90000004, corporationId: 2000, allianceId: 500 },
      permissions: notified("view_same_corporation"),
    },
    {
      id: "everything",
      main: { id: 90000005, corporationId: 3000, allianceId: null },
      permissions: notified("view_everything"),
    },
    {
      id: "not-holder",
      main: { id: 90000006, corporationId: 1000, allianceId: 500 },
      permissions: ["basic_access", "view_everything"],
    },
    { id: "no-scope", main: { id: 90000007, corporationId: 1000, allianceId: 500 }, permissions: notified() },
    {
      id: "inactive",
      main: { id: 90000008, corporationId: 1000, allianceId: 500 },
      permissions: notified("view_everything"),
      inactive: true,
    },
    {
      id: "superuser",
      main: { id: 90000009, corporationId: 4000, allianceId: null },
      permissions: [],
      superuser: true,
    },
  ];
  for (const p of people) await seedPerson(p);
  await addAlt("owner", 90000101, "Alt One");
  await addAlt("owner", 90000102, "Alt Two");
});
afterAll(async () => t?.drop());

describe("token invalid or missing", () => {
  it("tells the owner once per character until the character is added again", async () => {
    const before = new Date();
    expect(await notifyTokenInvalid(t.db, 90000101)).toBe(true);
    expect(await notifyTokenInvalid(t.db, 90000101)).toBe(false);
    // Another character of the same owner is its own event.
    expect(await notifyTokenInvalid(t.db, 90000102)).toBe(true);
    const sent = await t.db.notification.findMany({ where: { userId: "owner", createdAt: { gte: before } } });
    expect(sent.map((n) => [n.level, n.title]).sort()).toEqual([
      ["danger", "Alt One: ESI token invalid or missing"],
      ["danger", "Alt Two: ESI token invalid or missing"],
    ]);

    await registerCharacter(
      { db: t.db, cipher },
      "owner",
      {
        characterId: 90000101,
        characterName: "Alt One",
        ownerHash: "hash-90000101",
        scopes: [...CHARACTER_SCOPES],
        expiresAt: new Date(Date.now() + 1_200_000),
      },
      { refreshToken: "r", accessToken: "a", accessTokenExpiresAt: new Date() },
    );
    expect(await notifyTokenInvalid(t.db, 90000101)).toBe(true);
    expect(await t.db.notification.count({ where: { userId: "owner", title: { startsWith: "Alt One" } } })).toBe(2);
    expect(await notifyTokenInvalid(t.db, 90000101)).toBe(false);
  });

  it("tells nobody about a character without an owner, and does not fail", async () => {
    await t.db.eveCharacter.create({ data: { id: 90000199, name: "Orphan" } });
    await t.db.character.create({ data: { id: 90000199 } });
    const count = await t.db.notification.count();
    expect(await notifyTokenInvalid(t.db, 90000199)).toBe(false);
    expect(await t.db.notification.count()).toBe(count);
  });
});

describe("character removed", () => {
  it("tells exactly the holders of notified_on_character_removal whose scope includes it, not the remover", async () => {
    await t.db.notification.deleteMany();
    const result = await removeCharacter({ db: t.db, cipher, sso }, "owner", 90000102);
    expect(result.removed).toBe(90000102);
    const sent = await t.db.notification.findMany({ orderBy: { userId: "asc" } });
    expect(sent.map((n) => n.userId)).toEqual(["everything", "same-alliance", "same-corp", "superuser"]);
    for (const n of sent) {
      expect(n.level).toBe("info");
      expect(n.title).toBe("Character removed: Alt Two");
      expect(n.message).toBe("Main owner removed Alt Two from Member Audit.");
    }
  });

  it("tells nobody when the removal is refused", async () => {
    await t.db.notification.deleteMany();
    await expect(removeCharacter({ db: t.db, cipher, sso }, "same-corp", 90000101)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await t.db.notification.count()).toBe(0);
    expect(await t.db.character.count({ where: { id: 90000101 } })).toBe(1);
  });
});
