// The management commands, run as a user runs them (a separate process), against a
// real database and the simulator.
import { runCli } from "../support/cli-process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "~/simulator/server";
import { registerWithToken, startSim } from "../support/simulator";
import { createTestDatabase, type TestDatabase } from "../support/database";

const CHARACTER = 2112000006;
let t: TestDatabase;
let sim: Simulator;
let url: string;

function cli(...args: string[]) {
  return runCli({ databaseUrl: t.url, simulatorUrl: url }, ...args);
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ sim, url } = await startSim());
  await registerWithToken(t.db, url, CHARACTER, { scopes: ["esi-wallet.read_character_wallet.v1"] });
});
afterAll(async () => {
  await sim?.close();
  await t?.drop();
});

describe("memberaudit CLI", () => {
  it("updates a character's named section in-process", async () => {
    const run = await cli("update-characters", "wallet_balance", "--character", String(CHARACTER), "--inline");
    expect(run.out).toContain("1 characters, 1 section updates");
    expect(run.code).toBe(0);
    expect(await t.db.characterWalletBalance.count({ where: { characterId: CHARACTER } })).toBe(1);
  }, 60_000);

  it("rejects unknown section names", async () => {
    const run = await cli("update-characters", "wallet_balanse", "--inline");
    expect(run.code).toBe(2);
    expect(run.out).toContain("Unknown section(s): wallet_balanse");
  }, 60_000);

  it("prints stats with row counts, stale minutes and durations", async () => {
    const run = await cli("stats");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/CharacterWalletBalance\s+1/);
    expect(run.out).toMatch(/wallet_balance\s+240/);
    expect(run.out).toMatch(/wallet_balance\s+n=1/);
  }, 60_000);

  it("resets section data only with --yes and keeps the characters", async () => {
    expect((await cli("reset-characters")).code).toBe(2);
    expect(await t.db.characterWalletBalance.count()).toBe(1);
    const run = await cli("reset-characters", "--yes");
    expect(run.code).toBe(0);
    expect(await t.db.characterWalletBalance.count()).toBe(0);
    expect(await t.db.sectionUpdateStatus.count()).toBe(0);
    expect(await t.db.character.count({ where: { id: CHARACTER } })).toBe(1);
  }, 60_000);
});
