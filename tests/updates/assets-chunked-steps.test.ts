// The per-character Inngest function runs assets as chunked steps: fetch and stage,
// one step per MEMBERAUDIT_ASSETS_CHUNK_SIZE rows, finish. Each step's result stays
// small (the rows wait in SectionStagedChunk), the stage is cleared at the end, and a
// later change writes only what changed.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { characterUpdate } from "~/server/jobs/events";
import { updateCharacter } from "~/server/jobs/definitions/update-character";
import { toInngestFunction } from "@inngest-fns/functions";
import type { EsiClient } from "~/server/esi/client";
import { assets } from "~/server/sections/assets";
import { unknownReferencedTypeIds } from "~/server/universe/types";
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from "~/server/updates/engine-settings";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { characterSection } from "~/simulator/data";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../support/simulator";
import { createTestDatabase, type TestDatabase } from "../support/database";

// Whole-process work (child processes, a full section load): slow on a loaded 2-core machine, not a speed check.
vi.setConfig({ testTimeout: 120_000 });

const CHARACTER = 2112000010;
const CHUNK = 50;
const settings: EngineSettings = {
  ...DEFAULT_ENGINE_SETTINGS,
  section: { ...DEFAULT_ENGINE_SETTINGS.section, assetsChunkSize: CHUNK },
};
let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;

beforeAll(async () => {
  t = await createTestDatabase();
  let url: string;
  ({ sim, url } = await startSim());
  await registerWithToken(t.db, url, CHARACTER, { scopes: [...assets.scopes] });
  esi = makeClient(t.db, url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

/** Runs the function for the assets section; returns the step ids and the largest step result (JSON bytes). */
async function runAssets(force = false) {
  const steps = new Map<string, number>();
  const engine = new InngestTestEngine({
    function: toInngestFunction(updateCharacter(() => updateDepsFrom({ db: t.db, esi }), settings)),
    events: [{ name: characterUpdate.name, data: { characterId: CHARACTER, sections: ["assets"], force } }],
    transformCtx: (ctx) => {
      const run = ctx.step.run.bind(ctx.step);
      (ctx.step as { run: unknown }).run = async (id: string, fn: () => unknown) => {
        const result = await run(id, fn as () => Promise<unknown>);
        steps.set(id, JSON.stringify(result ?? null).length);
        return result;
      };
      return ctx;
    },
  });
  const { result, error } = await engine.execute();
  expect(error).toBeUndefined();
  return { result, steps };
}

const stored = async () =>
  (await t.db.characterAsset.findMany({ where: { characterId: CHARACTER }, orderBy: { itemId: "asc" } })).map((a) => [
    Number(a.itemId),
    a.typeId,
    a.quantity,
  ]);

describe("assets as chunked Inngest steps", () => {
  it("stages the rows, writes one chunk per step and finishes, passing only small state between steps", async () => {
    const { result, steps } = await runAssets();
    expect(result).toMatchObject({ sections: 1, updated: 1 });
    const rows = await t.db.characterAsset.count({ where: { characterId: CHARACTER } });
    const chunks = Math.ceil(rows / CHUNK);
    expect(chunks).toBeGreaterThan(1);
    const ids = [...steps.keys()];
    expect(ids).toEqual([
      "plan",
      "section-assets-health",
      "section-assets",
      ...Array.from({ length: chunks }, (_, i) => `section-assets-chunk-${i}`),
      "section-assets-finish",
      "section-assets-types",
    ]);
    // The run named the types it stored: the sheet reads well without waiting for the resolve-eve-types sweep.
    expect(await t.db.eveType.count()).toBeGreaterThan(0);
    expect(await unknownReferencedTypeIds(t.db, 10, CHARACTER)).toEqual([]);
    // Counts, hashes and ETags only: far below one chunk of rows.
    expect(Math.max(...steps.values())).toBeLessThan(1000);
    expect(await t.db.sectionStagedChunk.count()).toBe(0);
    const expected = characterSection(CHARACTER, "assets")!.items.length;
    expect(rows).toBeGreaterThanOrEqual(expected);
  });

  it("writes only the changed items when the list changes, and nothing when it does not", async () => {
    const before = await stored();
    sim.mutateCharacter(CHARACTER, "assets");
    sim.expireCaches(CHARACTER);
    const { result } = await runAssets(true);
    expect(result).toMatchObject({ updated: 1 });
    const after = await stored();
    expect(after).not.toEqual(before);
    const status = await t.db.sectionUpdateStatus.findUniqueOrThrow({
      where: { characterId_section: { characterId: CHARACTER, section: "assets" } },
    });
    expect(status.isSuccess).toBe(true);

    sim.expireCaches(CHARACTER);
    const again = await runAssets(true);
    expect(again.result).toMatchObject({ updated: 0 });
    expect([...again.steps.keys()]).toEqual(["plan", "section-assets-health", "section-assets"]);
    expect(await stored()).toEqual(after);
  });
});
