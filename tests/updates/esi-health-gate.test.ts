// The ESI health gate on real PostgreSQL and the simulator: ESI down skips every
// section with no section request (recorded as skipped, still stale), the status is
// read at most once a minute, and a route reported Down skips only its sections.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toInngestFunction } from "@inngest-fns/functions";
import type { EsiClient } from "~/server/esi/client";
import { updateCharacter } from "~/server/jobs/definitions/update-character";
import { characterUpdate } from "~/server/jobs/events";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { findStaleSections } from "~/server/updates/stale";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { enabledSections } from "~/server/updates/engine-settings";
import type { Simulator } from "~/simulator/server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { makeClient, registerWithToken, startSim } from "../support/simulator";

// Whole-process work (child processes, a full section load): slow on a loaded 2-core machine, not a speed check.
vi.setConfig({ testTimeout: 120_000 });

const A = 2112000004;
const settings = DEFAULT_ENGINE_SETTINGS;
let t: TestDatabase;
let sim: Simulator;
let url: string;
let esi: EsiClient;
let clock = Date.now();

beforeAll(async () => {
  t = await createTestDatabase();
  ({ sim, url } = await startSim());
  await registerWithToken(t.db, url, A, { scopes: ["esi-wallet.read_character_wallet.v1"] });
  esi = makeClient(t.db, url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

const setHealth = async (body: unknown) => {
  const res = await fetch(`${url}/_sim/esi-status`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
};
/** A scheduled pass (no sections named: the stale ones), and the ESI requests it made besides the status route. */
async function scheduledPass() {
  sim.resetStats();
  const deps = () => ({ ...updateDepsFrom({ db: t.db, esi }), now: () => new Date(clock) });
  const engine = new InngestTestEngine({
    function: toInngestFunction(updateCharacter(deps, settings)),
    events: [{ name: characterUpdate.name, data: { characterId: A } }],
  });
  const { error } = await engine.execute();
  expect(error).toBeUndefined();
  const { byRoute } = sim.stats();
  const statusReads = byRoute["GET /meta/status"] ?? 0;
  const sectionRequests = Object.entries(byRoute).filter(([route]) => route !== "GET /meta/status");
  return { statusReads, sectionRequests: sectionRequests.reduce((sum, [, n]) => sum + n, 0), byRoute };
}
const rows = async () =>
  Object.fromEntries(
    (await t.db.sectionUpdateStatus.findMany({ where: { characterId: A } })).map((r) => [r.section, r]),
  );
const stale = async () =>
  (
    await findStaleSections(t.db, {
      sections: enabledSections(settings),
      staleMinutes: settings.staleMinutes,
      now: new Date(),
      characterIds: [A],
    })
  ).get(A) ?? [];

describe("ESI health gate", () => {
  it("ESI down: a scheduled pass makes 0 section requests, records every section skipped, all stay stale", async () => {
    const due = await stale();
    expect(due).toContain("wallet_balance");
    await setHealth({ state: "down" });
    const pass = await scheduledPass();
    expect(pass.sectionRequests).toBe(0);
    expect(pass.statusReads).toBeGreaterThanOrEqual(1);
    const status = await rows();
    for (const section of due) {
      expect(status[section]).toMatchObject({ isSuccess: null, finishedAt: null, isTokenError: false });
      expect(status[section]?.errorMessage).toMatch(/^Skipped: ESI is down/);
    }
    expect(await stale()).toEqual(due);
  });

  it("reads the status at most once a minute: up again within the minute, the next pass still skips without asking", async () => {
    await setHealth({ state: "up" });
    clock += 30_000;
    const pass = await scheduledPass();
    expect(pass).toMatchObject({ statusReads: 0, sectionRequests: 0 });
  });

  it("up again: the first pass after the minute updates every due section", async () => {
    const due = await stale();
    clock += 31_000;
    const pass = await scheduledPass();
    expect(pass.statusReads).toBe(1);
    expect(pass.byRoute["GET /characters/{character_id}/wallet"]).toBe(1);
    const status = await rows();
    for (const section of due) expect(status[section]).toMatchObject({ isSuccess: true, errorMessage: null });
    expect(await stale()).toEqual([]);
  });

  it("one 500 from the status route is no verdict: a second reading says up and the sections run", async () => {
    await t.db.sectionUpdateStatus.updateMany({ where: { characterId: A }, data: { isSuccess: false } });
    sim.injectFault({ kind: "status", status: 500, route: "/meta/status", count: 1 });
    clock += 61_000;
    const pass = await scheduledPass();
    expect(pass.statusReads).toBe(2);
    const status = await rows();
    expect(Object.values(status).every((r) => r.isSuccess && r.errorMessage === null)).toBe(true);
  });

  it("one route down: only the sections using it are skipped", async () => {
    await t.db.sectionUpdateStatus.updateMany({ where: { characterId: A }, data: { isSuccess: false } });
    await setHealth({ state: "route-down", route: "GET /characters/{character_id}/wallet" });
    clock += 61_000;
    const pass = await scheduledPass();
    expect(pass.byRoute["GET /characters/{character_id}/wallet"]).toBeUndefined();
    const status = await rows();
    // The others ran (ESI's cache still fresh, so without a request) and succeeded.
    const others = Object.values(status).filter((r) => r.section !== "wallet_balance");
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.isSuccess && r.errorMessage === null)).toBe(true);
    expect(status.wallet_balance?.errorMessage).toBe("Skipped: ESI reports GET /characters/{character_id}/wallet down");
    expect(await stale()).toEqual(["wallet_balance"]);
    await setHealth({ state: "up" });
  });
});
