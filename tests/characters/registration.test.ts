// Sign-in, registration and removal against a real PostgreSQL; removal revokes the
// refresh token at an SSO stand-in (a real HTTP server that records what it is sent).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { listMyCharacters } from "~/server/characters/my-characters";
import { registerCharacter, signInWithCharacter } from "~/server/characters/registration";
import { removeCharacter } from "~/server/characters/removal";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { createTestDatabase, type TestDatabase } from "../support/database";

const cipher = createTokenCipher({ current: Buffer.alloc(32, 9).toString("base64") });
let t: TestDatabase;
let sso: Server;
const revoked: string[] = [];
const deps = () => ({
  db: t.db,
  cipher,
  sso: { baseUrl: `http://127.0.0.1:${(sso.address() as AddressInfo).port}`, clientId: "c", clientSecret: "s" },
});

function identity(
  characterId: number,
  ownerHash = `owner-${characterId}`,
  scopes: string[] = [...CHARACTER_SCOPES],
): EveIdentity {
  return {
    characterId,
    characterName: `Pilot ${characterId}`,
    ownerHash,
    scopes,
    expiresAt: new Date(Date.now() + 1_200_000),
  };
}
const tokens = (n: number) => ({
  refreshToken: `refresh-${n}-plaintext`,
  accessToken: `access-${n}-plaintext`,
  accessTokenExpiresAt: new Date(),
});

beforeAll(async () => {
  sso = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      if (req.url === "/v2/oauth/revoke") revoked.push(new URLSearchParams(body).get("token") ?? "");
      res.end();
    });
  });
  await new Promise<void>((resolve) => sso.listen(0, "127.0.0.1", resolve));
  t = await createTestDatabase();
});
afterAll(async () => {
  sso?.close();
  await t?.drop();
});

describe("sign-in and character registration", () => {
  it("creates the first user as superuser with the character as main, later users not", async () => {
    const first = await signInWithCharacter(deps(), identity(101));
    const second = await signInWithCharacter(deps(), identity(201));
    expect(first.isNewUser && second.isNewUser).toBe(true);
    const users = await t.db.user.findMany({ orderBy: { createdAt: "asc" } });
    expect(users.map((u) => [u.mainCharacterId, u.isSuperuser])).toEqual([
      [101, true],
      [201, false],
    ]);
    // Signing in again with the same owner hash is the same user.
    expect((await signInWithCharacter(deps(), identity(101))).userId).toBe(first.userId);
  });

  it("registers a character with its token encrypted: the raw row holds no plaintext", async () => {
    const { userId } = await signInWithCharacter(deps(), identity(101));
    const result = await registerCharacter(deps(), userId, identity(102), tokens(102));
    expect(result.missingScopes).toEqual([]);
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const { rows } = await client.query(`SELECT * FROM "EsiToken" WHERE "characterId" = 102`);
    await client.end();
    const raw = JSON.stringify(rows[0]);
    expect(rows).toHaveLength(1);
    expect(raw).not.toContain("refresh-102-plaintext");
    expect(raw).not.toContain("access-102-plaintext");
    expect(cipher.decrypt(rows[0].refreshTokenEnc)).toBe("refresh-102-plaintext");
    const mine = await listMyCharacters(t.db, userId);
    expect(mine.map((c) => [c.id, c.isMain, c.registration?.token?.status])).toEqual([
      [101, true, undefined],
      [102, false, "VALID"],
    ]);
  });

  it("reports missing scopes of a limited grant", async () => {
    const { userId } = await signInWithCharacter(deps(), identity(101));
    const result = await registerCharacter(
      deps(),
      userId,
      identity(103, "owner-103", ["esi-skills.read_skills.v1"]),
      tokens(103),
    );
    expect(result.missingScopes).toHaveLength(CHARACTER_SCOPES.length - 1);
  });

  it("refuses a character another user owns with the same owner hash", async () => {
    const other = await signInWithCharacter(deps(), identity(201));
    await expect(registerCharacter(deps(), other.userId, identity(102), tokens(999))).rejects.toMatchObject({
      code: "CONFLICT",
      details: { reason: "owned-elsewhere" },
    });
    const token = await t.db.esiToken.findUniqueOrThrow({ where: { characterId: 102 } });
    expect(cipher.decrypt(token.refreshTokenEnc)).toBe("refresh-102-plaintext");
  });

  it("detaches a character whose owner hash changed from its old owner", async () => {
    const old = await signInWithCharacter(deps(), identity(101));
    const buyer = await signInWithCharacter(deps(), identity(201));
    await registerCharacter(deps(), buyer.userId, identity(102, "new-owner-hash"), tokens(1021));
    const ownership = await t.db.characterOwnership.findUniqueOrThrow({ where: { characterId: 102 } });
    expect(ownership.userId).toBe(buyer.userId);
    expect((await listMyCharacters(t.db, old.userId)).map((c) => c.id)).not.toContain(102);
    const token = await t.db.esiToken.findUniqueOrThrow({ where: { characterId: 102 } });
    expect(cipher.decrypt(token.refreshTokenEnc)).toBe("refresh-1021-plaintext");
  });

  it("a sign-in with a transferred main starts a new user and leaves the old one without a main", async () => {
    const seller = await signInWithCharacter(deps(), identity(301, "hash-a"));
    const buyer = await signInWithCharacter(deps(), identity(301, "hash-b"));
    expect(buyer.userId).not.toBe(seller.userId);
    expect(buyer.isNewUser).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: seller.userId } })).mainCharacterId).toBeNull();
  });

  it("removing a character deletes its data and token, and refuses characters of others", async () => {
    const buyer = await signInWithCharacter(deps(), identity(201));
    const other = await signInWithCharacter(deps(), identity(101));
    await t.db.sectionUpdateStatus.create({ data: { characterId: 102, section: "skills", isSuccess: true } });
    await expect(removeCharacter(deps(), other.userId, 102)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(revoked).toEqual([]);
    expect(await removeCharacter(deps(), buyer.userId, 102)).toEqual({ removed: 102, revoked: true });
    expect(revoked).toEqual(["refresh-1021-plaintext"]);
    expect(await t.db.character.findUnique({ where: { id: 102 } })).toBeNull();
    expect(await t.db.esiToken.findUnique({ where: { characterId: 102 } })).toBeNull();
    expect(await t.db.sectionUpdateStatus.count({ where: { characterId: 102 } })).toBe(0);
    expect(await t.db.characterOwnership.findUnique({ where: { characterId: 102 } })).toBeNull();
  });
});
