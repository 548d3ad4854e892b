// The update engine on real PostgreSQL and the simulator: stale detection, the
// per-character run as an Inngest function (@inngest/test), the periodic fan-out,
// the stuck-run repair, and a dead token (one notification, no retry storm).
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { characterUpdate } from "~/server/jobs/events";
import { updateCharacter } from "~/server/jobs/definitions/update-character";
import { updateStaleCharacters } from "~/server/jobs/definitions/update-schedule";
import { toInngestFunction } from "@inngest-fns/functions";
import { type EsiClient, EsiRateLimitedError } from "~/server/esi/client";
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from "~/server/updates/engine-settings";
import { repairStuckSections } from "~/server/updates/maintenance";
import { findStaleSections } from "~/server/updates/stale";
import { validateSectionNames } from "~/server/updates/update-character";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { enabledSections } from "~/server/updates/engine-settings";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../support/simulator";
import { createTestDatabase, type TestDatabase } from "../support/database";

const [A, B] = [2112000004, 2112000005];
let t: TestDatabase;
let sim: Simulator;
let url: string;
let esi: EsiClient;
// Only the wallet section, so the test does not depend on which other sections exist.
const settings: EngineSettings = {
  ...DEFAULT_ENGINE_SETTINGS,
  staleMinutes: { ...DEFAULT_ENGINE_SETTINGS.staleMinutes },
};
const wallet = () => enabledSections(settings).filter((s) => s.name === "wallet_balance");
const stale = (now = new Date()) =>
  findStaleSections(t.db, { sections: wallet(), staleMinutes: settings.staleMinutes, now });
const updateFn = () => toInngestFunction(updateCharacter(() => updateDepsFrom({ db: t.db, esi }), settings));

beforeAll(async () => {
  t = await createTestDatabase();
  ({ sim, url } = await startSim());
  for (const id of [A, B]) await registerWithToken(t.db, url, id, { scopes: ["esi-wallet.read_character_wallet.v1"] });
  esi = makeClient(t.db, url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("update engine", () => {
  it("finds sections never run as stale, for every enabled character", async () => {
    expect([...(await stale()).entries()]).toEqual([
      [A, ["wallet_balance"]],
      [B, ["wallet_balance"]],
    ]);
    await t.db.character.update({ where: { id: B }, data: { isEnabled: false } });
    expect([...(await stale()).keys()]).toEqual([A]);
    await t.db.character.update({ where: { id: B }, data: { isEnabled: true } });
  });

  it("runs a character's stale sections as steps, then they are fresh until their stale minutes pass", async () => {
    const engine = new InngestTestEngine({
      function: updateFn(),
      events: [{ name: characterUpdate.name, data: { characterId: A } }],
    });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    // Sections the wallet scope alone allows, and the public ones; those needing other scopes are not planned.
    const allowed = enabledSections(settings).filter((s) =>
      s.scopes.every((scope) => scope === "esi-wallet.read_character_wallet.v1"),
    ).length;
    expect(result).toMatchObject({ characterId: A, sections: allowed });
    expect(await t.db.characterWalletBalance.count({ where: { characterId: A } })).toBe(1);
    expect((await stale()).has(A)).toBe(false);
    const later = new Date(Date.now() + (settings.staleMinutes.wallet_balance! + 1) * 60_000);
    expect((await stale(later)).get(A)).toEqual(["wallet_balance"]);
  });

  it("treats a failed last run as stale", async () => {
    await t.db.sectionUpdateStatus.update({
      where: { characterId_section: { characterId: A, section: "wallet_balance" } },
      data: { isSuccess: false },
    });
    expect((await stale()).get(A)).toEqual(["wallet_balance"]);
  });

  it("defers a section whose rate-limit bucket is spent and goes on with the others", async () => {
    // Spend character A's char-wallet bucket (150 tokens per 15 minutes at the simulator, as at ESI).
    let spent = false;
    for (let i = 0; i < 200 && !spent; i++) {
      await esi
        .get("/characters/{character_id}/wallet", { path: { character_id: A }, force: true })
        .catch((error: unknown) => {
          if (!(error instanceof EsiRateLimitedError)) throw error;
          spent = true;
        });
    }
    expect(spent).toBe(true);
    const engine = new InngestTestEngine({
      function: updateFn(),
      events: [
        {
          name: characterUpdate.name,
          data: { characterId: A, sections: ["wallet_balance", "corporation_history"], force: true },
        },
      ],
    });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ characterId: A, deferred: ["wallet_balance"] });
    const statuses = await t.db.sectionUpdateStatus.findMany({
      where: { characterId: A, section: { in: ["wallet_balance", "corporation_history"] } },
    });
    const bySection = Object.fromEntries(statuses.map((s) => [s.section, s]));
    expect(bySection.corporation_history?.isSuccess).toBe(true);
    // Recorded as failed with the reason, so the next scheduled scan picks it up again once the bucket refills.
    expect(bySection.wallet_balance?.isSuccess).toBe(false);
    expect(bySection.wallet_balance?.errorMessage).toMatch(/rate-limit/);
    expect((await stale()).get(A)).toEqual(["wallet_balance"]);
  });

  it("rejects unknown section names in manual requests", () => {
    expect(() => validateSectionNames(["wallet_balance", "walet"], settings)).toThrow("Unknown section(s): walet");
  });

  it("ends a run with a dead token as NonRetriable, notifies the owner once, and stops scheduling its token sections", async () => {
    await t.db.user.create({
      data: { id: "owner-b", mainCharacterId: B, ownerships: { create: { characterId: B, ownerHash: "h" } } },
    });
    sim.revokeCharacterTokens(B);
    await t.db.esiToken.update({ where: { characterId: B }, data: { accessTokenExpiresAt: new Date(0) } });
    for (let run = 0; run < 2; run++) {
      const sendEvent = vi.fn(async () => ({ ids: [] }));
      const engine = new InngestTestEngine({
        function: updateFn(),
        events: [{ name: characterUpdate.name, data: { characterId: B, sections: ["wallet_balance"], force: true } }],
        transformCtx: (ctx) => {
          (ctx.step as { sendEvent: unknown }).sendEvent = sendEvent;
          return ctx;
        },
      });
      const { error } = await engine.execute();
      expect((error as Error | undefined)?.name).toBe("NonRetriableError");
      // The dead token is a compliance trigger for its owner.
      expect(sendEvent).toHaveBeenCalledWith("recompute-compliance", {
        name: "memberaudit/compliance.recompute",
        data: { userIds: ["owner-b"] },
      });
    }
    expect(await t.db.notification.count({ where: { userId: "owner-b" } })).toBe(1);
    expect((await stale()).has(B)).toBe(false);
  });

  it("fans out one event per stale character with an idempotency id", async () => {
    await t.db.sectionUpdateStatus.deleteMany({ where: { characterId: A } });
    const fn = toInngestFunction(updateStaleCharacters(() => ({ db: t.db }), settings));
    const engine = new InngestTestEngine({
      function: fn,
      transformCtx: (ctx) => {
        (ctx.step as { sendEvent: unknown }).sendEvent = vi.fn(async () => ({ ids: [] }));
        return ctx;
      },
    });
    const { result, ctx } = await engine.execute();
    // A's wallet is stale again; B's public sections never ran (its dead token stops only its token sections).
    expect(result).toEqual({ characters: 2 });
    const sendEvent = ctx.step.sendEvent as unknown as ReturnType<typeof vi.fn>;
    expect(sendEvent).toHaveBeenCalledTimes(1);
    const events = sendEvent.mock.calls[0]![1] as Array<{ name: string; data: { characterId: number }; id: string }>;
    expect(events.map((e) => [e.name, e.data.characterId])).toEqual([
      [characterUpdate.name, A],
      [characterUpdate.name, B],
    ]);
    expect(events[0]!.id).toMatch(new RegExp(`^update-${A}-\\d+$`));
    // The periodic scan is the backlog: user actions run ahead of it (docs/jobs.md, "Priorities").
    expect(events.map((e) => (e.data as { priority?: string }).priority)).toEqual(["backlog", "backlog"]);
  });

  it("repairs runs that never finished", async () => {
    const now = new Date();
    await t.db.sectionUpdateStatus.upsert({
      where: { characterId_section: { characterId: A, section: "wallet_balance" } },
      create: { characterId: A, section: "wallet_balance", startedAt: new Date(now.getTime() - 2 * 3600_000) },
      update: { startedAt: new Date(now.getTime() - 2 * 3600_000), finishedAt: null, isSuccess: null },
    });
    expect(await repairStuckSections(t.db, now)).toBe(1);
    const row = await t.db.sectionUpdateStatus.findUniqueOrThrow({
      where: { characterId_section: { characterId: A, section: "wallet_balance" } },
    });
    expect([row.isSuccess, row.errorMessage]).toEqual([false, "interrupted: the update did not finish"]);
  });
});
