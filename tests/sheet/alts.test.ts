// The alts dropdown's read model against PostgreSQL: every character the owner signed
// in with, each with why this viewer may not open it, through the one access rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "~/server/access/viewer";
import { registerCharacter, signInWithCharacter } from "~/server/characters/registration";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { createGroup, setMembership } from "~/server/groups/admin";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import { ownerAlts } from "~/server/sheet/alts";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
const cipher = createTokenCipher({ current: Buffer.alloc(32, 4).toString("base64") });
const identity = (id: number, name = `P${id}`): EveIdentity => ({
  characterId: id,
  characterName: name,
  ownerHash: `o${id}`,
  scopes: [],
  expiresAt: new Date(),
});
const tokens = { refreshToken: "r", accessToken: "a", accessTokenExpiresAt: new Date() };
let owner: string;
let recruiter: string;
let admin: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const deps = { db: t.db, cipher };
  admin = (await signInWithCharacter(deps, identity(1))).userId;
  owner = (await signInWithCharacter(deps, identity(10, "Alpha Main"))).userId;
  await registerCharacter(deps, owner, identity(10, "Alpha Main"), tokens);
  await registerCharacter(deps, owner, identity(11, "Bravo Alt"), tokens);
  // Signed in with, never registered: an ownership row and no Character row.
  await t.db.eveCharacter.create({ data: { id: 12, name: "Charlie Hidden" } });
  await t.db.characterOwnership.create({ data: { characterId: 12, userId: owner, ownerHash: "o12" } });
  await t.db.character.update({ where: { id: 10 }, data: { isShared: true, sharedAt: new Date() } });
  recruiter = (await signInWithCharacter(deps, identity(20))).userId;
  const group = await createGroup(t.db, {
    name: "Recruiters",
    description: "",
    permissions: ["basic_access", "view_shared_characters"],
    isDefault: false,
  });
  await setMembership(t.db, group.id, recruiter, true);
});
afterAll(async () => t?.drop());

const altsAs = async (userId: string) => ownerAlts(t.db, (await loadViewer(t.db, userId))!, owner);

describe("owner's alts", () => {
  it("a recruiter who may open only the shared alt sees the other two with the right reason", async () => {
    expect(await altsAs(recruiter)).toEqual([
      { id: 10, name: "Alpha Main", blocked: null },
      { id: 11, name: "Bravo Alt", blocked: "no access" },
      { id: 12, name: "Charlie Hidden", blocked: "unregistered" },
    ]);
  });

  it("the owner and a superuser may open every registered alt; unregistered stays unregistered", async () => {
    for (const who of [owner, admin]) {
      expect((await altsAs(who)).map((a) => a.blocked)).toEqual([null, null, "unregistered"]);
    }
  });

  it("is empty for an orphan (no owner)", async () => {
    expect(await ownerAlts(t.db, (await loadViewer(t.db, admin))!, null)).toEqual([]);
  });
});
