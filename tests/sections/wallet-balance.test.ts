// The template's tests: first load, no change (no section row written), changed
// data, an ESI failure (last good data kept, error recorded), an invalid token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { walletBalance } from "~/server/sections/wallet-balance";
import { updateSection } from "~/server/updates/update-section";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

const CHARACTER = 2112000001;
let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;
let url: string;
const run = (force = false) => updateSection({ db: t.db, esi }, CHARACTER, walletBalance, { force, settings: DEFAULT_SECTION_SETTINGS });
const status = () => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: { characterId_section: { characterId: CHARACTER, section: "wallet_balance" } } });

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  url = started.url;
  await registerWithToken(t.db, started.url, CHARACTER, { scopes: [...walletBalance.scopes] });
  esi = makeClient(t.db, started.url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("wallet_balance section", () => {
  it("loads the balance on first run and records success", async () => {
    expect(await run()).toEqual({ section: "wallet_balance", status: "updated", written: 1 });
    const row = await t.db.characterWalletBalance.findUniqueOrThrow({ where: { characterId: CHARACTER } });
    expect(Number(row.total)).toBeGreaterThan(0);
    expect((await status()).isSuccess).toBe(true);
  });

  it("writes no section row when nothing changed", async () => {
    const before = await t.db.characterWalletBalance.findUniqueOrThrow({ where: { characterId: CHARACTER } });
    const outcome = await run();
    expect(outcome.status).toBe("unchanged");
    const after = await t.db.characterWalletBalance.findUniqueOrThrow({ where: { characterId: CHARACTER } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("stores changed data", async () => {
    const before = await t.db.characterWalletBalance.findUniqueOrThrow({ where: { characterId: CHARACTER } });
    sim.mutateCharacter(CHARACTER, "wallet");
    sim.expireCaches(CHARACTER);
    expect((await run(true)).status).toBe("updated");
    const after = await t.db.characterWalletBalance.findUniqueOrThrow({ where: { characterId: CHARACTER } });
    expect(after.total.equals(before.total)).toBe(false);
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    const before = await t.db.characterWalletBalance.findUniqueOrThrow({ where: { characterId: CHARACTER } });
    sim.expireCaches(CHARACTER);
    sim.injectFault({ route: "/characters/{character_id}/wallet", kind: "status", status: 500 });
    const outcome = await run(true);
    sim.clearFaults();
    expect(outcome.status).toBe("failed");
    expect((await status()).isSuccess).toBe(false);
    expect((await status()).errorMessage).toBeTruthy();
    expect((await t.db.characterWalletBalance.findUniqueOrThrow({ where: { characterId: CHARACTER } })).total.equals(before.total)).toBe(true);
  });

  it("records an invalid token as a token error without a retry storm", async () => {
    sim.revokeCharacterTokens(CHARACTER);
    await t.db.esiToken.update({ where: { characterId: CHARACTER }, data: { accessTokenExpiresAt: new Date(0) } });
    // A new process: nothing remembered, so the expired access token must be refreshed.
    await esi.close();
    esi = makeClient(t.db, url);
    const outcome = await run(true);
    expect(outcome).toMatchObject({ status: "failed", tokenError: true });
    expect((await status()).isTokenError).toBe(true);
    expect((await t.db.esiToken.findUniqueOrThrow({ where: { characterId: CHARACTER } })).status).toBe("INVALID");
  });
});
