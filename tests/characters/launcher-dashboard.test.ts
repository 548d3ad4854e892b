// The launcher's dashboard figures over a real database: sums over the user's own
// registered characters only, this calendar month (UTC) only for mined and ratted ISK.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import { dashboardFigures } from "~/server/characters/dashboard";
import { registerCharacter, signInWithCharacter } from "~/server/characters/registration";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { createTestDatabase, type TestDatabase } from "../support/database";

const cipher = createTokenCipher({ current: Buffer.alloc(32, 3).toString("base64") });
const identity = (id: number): EveIdentity => ({
  characterId: id,
  characterName: `P${id}`,
  ownerHash: `o${id}`,
  scopes: [],
  expiresAt: new Date(),
});
const NOW = new Date("2026-11-15T12:00:00Z");
const [MAIN, ALT, UNREGISTERED, FOREIGN] = [2112100001, 2112100002, 2112100003, 2112100009];
let t: TestDatabase;
let userId: string;
let foreignUserId: string;

async function register(user: string, id: number) {
  await registerCharacter({ db: t.db, cipher }, user, identity(id), {
    refreshToken: "r",
    accessToken: "a",
    accessTokenExpiresAt: new Date(),
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  userId = (await signInWithCharacter({ db: t.db, cipher }, identity(MAIN))).userId;
  foreignUserId = (await signInWithCharacter({ db: t.db, cipher }, identity(FOREIGN))).userId;
  await register(userId, MAIN);
  await register(userId, ALT);
  await register(foreignUserId, FOREIGN);
  // Owned (proven by SSO once) but never registered: counts as owned only.
  await t.db.eveCharacter.create({ data: { id: UNREGISTERED, name: "Unregistered alt" } });
  await t.db.characterOwnership.create({ data: { characterId: UNREGISTERED, userId, ownerHash: "o-unreg" } });

  await t.db.characterWalletBalance.createMany({
    data: [
      { characterId: MAIN, total: "1000000.50" },
      { characterId: ALT, total: "2345678.25" },
      { characterId: FOREIGN, total: "9000000000.00" },
    ],
  });
  await t.db.characterSkillpoints.createMany({
    data: [
      { characterId: MAIN, total: 5_000_000n },
      { characterId: ALT, total: 12_345_678n },
      { characterId: FOREIGN, total: 99_000_000n },
    ],
  });
  await t.db.eveMarketPrice.createMany({
    data: [
      { typeId: 1230, averagePrice: 20.5 },
      { typeId: 1228, averagePrice: 10 },
    ],
  });
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  await t.db.characterMiningLedgerEntry.createMany({
    data: [
      { characterId: MAIN, date: day("2026-11-01"), solarSystemId: 30000142, typeId: 1230, quantity: 1000n }, // 20,500
      { characterId: ALT, date: day("2026-11-15"), solarSystemId: 30000142, typeId: 1228, quantity: 300n }, // 3,000
      { characterId: ALT, date: day("2026-11-02"), solarSystemId: 30000142, typeId: 99999, quantity: 5000n }, // no price: 0
      { characterId: MAIN, date: day("2026-10-31"), solarSystemId: 30000142, typeId: 1230, quantity: 7777n }, // last month
      { characterId: FOREIGN, date: day("2026-11-03"), solarSystemId: 30000142, typeId: 1230, quantity: 100000n },
    ],
  });
  let entryId = 1n;
  const journal = (characterId: number, date: string, refType: string, amount: string) => ({
    characterId,
    entryId: entryId++,
    date: new Date(date),
    refType,
    amount,
    description: refType,
  });
  await t.db.characterWalletJournalEntry.createMany({
    data: [
      journal(MAIN, "2026-11-01T00:00:00Z", "bounty_prizes", "1000000.00"),
      journal(ALT, "2026-11-14T18:30:00Z", "ess_escrow_transfer", "250000.50"),
      journal(ALT, "2026-11-10T10:00:00Z", "player_donation", "5000000.00"),
      journal(MAIN, "2026-10-31T23:59:59Z", "bounty_prizes", "4000000.00"),
      journal(MAIN, "2026-12-01T00:00:00Z", "bounty_prizes", "8000000.00"),
      journal(FOREIGN, "2026-11-05T00:00:00Z", "bounty_prizes", "70000000.00"),
    ],
  });
}, 60_000);
afterAll(async () => t?.drop());

describe("launcher dashboard", () => {
  it("sums the user's own registered characters exactly and leaves other users' characters out", async () => {
    expect(await dashboardFigures(t.db, userId, NOW)).toEqual({
      ownedCharacters: 3,
      registeredCharacters: 2,
      walletIsk: 3345678.75,
      skillpoints: 17_345_678,
      minedIskThisMonth: 23500,
      rattedIskThisMonth: 1250000.5,
    });
  });

  it("counts only the foreign user's character for the foreign user", async () => {
    const figures = await dashboardFigures(t.db, foreignUserId, NOW);
    expect(figures).toMatchObject({
      ownedCharacters: 1,
      registeredCharacters: 1,
      walletIsk: 9e9,
      skillpoints: 99_000_000,
      minedIskThisMonth: 2_050_000,
      rattedIskThisMonth: 70_000_000,
    });
  });

  it("starts each month from nothing", async () => {
    const december = await dashboardFigures(t.db, userId, new Date("2026-12-20T00:00:00Z"));
    expect([december.minedIskThisMonth, december.rattedIskThisMonth]).toEqual([0, 8000000]);
  });

  it("shows zeros for a user without registered characters", async () => {
    await t.db.user.create({ data: { id: "empty-user" } });
    expect(await dashboardFigures(t.db, "empty-user", NOW)).toEqual({
      ownedCharacters: 0,
      registeredCharacters: 0,
      walletIsk: 0,
      skillpoints: 0,
      minedIskThisMonth: 0,
      rattedIskThisMonth: 0,
    });
  });
});
