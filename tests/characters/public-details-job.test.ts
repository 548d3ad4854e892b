// The one job of the foundation: refresh characters' public details and affiliation.
// Its domain function runs against the simulator's ESI and a real PostgreSQL; the
// Inngest function is run by @inngest/test's engine; the embedded runner drives
// the same handler.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { characterPublicRefresh } from "~/server/jobs/events";
import { toInngestFunction } from "@inngest-fns/functions";
import { createJobs } from "~/server/jobs/definitions";
import { refreshCharacterPublicDetails } from "~/server/universe/public-characters";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import type { AppDeps } from "~/server/deps";
import { createEsiClient, EsiError } from "~/server/esi/client";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { simCharacters } from "~/simulator/roster";
import { createSimulator, type Simulator } from "~/simulator/server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testAppDeps } from "../support/app-deps";
import { testRunner } from "../support/job-runner";

let t: TestDatabase;
let sim: Simulator;
let deps: AppDeps;
const [aura, jorund, nyx] = [simCharacters[0]!, simCharacters[6]!, simCharacters[9]!];

beforeAll(async () => {
  t = await createTestDatabase();
  sim = createSimulator({ clients: [{ clientId: "c", clientSecret: "s", redirectUris: ["http://localhost/cb"] }] });
  const url = await sim.listen(0, "127.0.0.1");
  deps = testAppDeps({
    db: t.db,
    esi: createEsiClient({ baseUrl: url, contact: "tests@example.org" }),
    cipher: createTokenCipher({ current: Buffer.alloc(32, 3).toString("base64") }),
    sso: { baseUrl: url },
  });
});
afterAll(async () => {
  await sim?.close();
  await t?.drop();
});

describe("refresh character public details", () => {
  it("stores corporation, alliance, birthday and the names of corporation and alliance", async () => {
    const result = await refreshCharacterPublicDetails(deps, [aura.characterId, nyx.characterId]);
    expect(result.updated).toBe(2);
    const stored = await t.db.eveCharacter.findUniqueOrThrow({ where: { id: aura.characterId } });
    expect(stored).toMatchObject({ name: aura.name, corporationId: 98000001, allianceId: 99000001 });
    expect(stored.birthday?.toISOString()).toBe(new Date(aura.birthday).toISOString());
    expect((await t.db.eveCharacter.findUniqueOrThrow({ where: { id: nyx.characterId } })).allianceId).toBeNull();
    const names = await t.db.eveEntity.findMany({
      where: { id: { in: [98000001, 99000001, 98000004] } },
      orderBy: { id: "asc" },
    });
    expect(names.map((n) => [n.name, n.category])).toEqual([
      ["Sim Industries", "corporation"],
      ["Lone Wolves", "corporation"],
      ["Simulated Alliance", "alliance"],
    ]);
  });

  it("fails with a typed ESI error for an unknown character and writes nothing", async () => {
    const before = await t.db.eveCharacter.count();
    await expect(refreshCharacterPublicDetails(deps, [1])).rejects.toBeInstanceOf(EsiError);
    expect(await t.db.eveCharacter.count()).toBe(before);
  });

  it("runs as an Inngest function (@inngest/test engine)", async () => {
    const fn = toInngestFunction(
      createJobs(() => deps, { sharingTimeoutMinutes: 0, engine: DEFAULT_ENGINE_SETTINGS })[0]!,
    );
    const engine = new InngestTestEngine({
      function: fn,
      events: [{ name: characterPublicRefresh.name, data: { characterIds: [jorund.characterId] } }],
    });
    const { result, error } = await engine.execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ updated: 1 });
    const stored = await t.db.eveCharacter.findUniqueOrThrow({ where: { id: jorund.characterId } });
    expect([stored.corporationId, stored.corporationName, stored.allianceName]).toEqual([
      98000003,
      "Test Haulers",
      "Other Alliance",
    ]);
  });

  it("runs in the embedded runner from the same definition", async () => {
    await t.db.eveCharacter.deleteMany({ where: { id: jorund.characterId } });
    const runner = testRunner(
      t.db,
      createJobs(() => deps, { sharingTimeoutMinutes: 0, engine: DEFAULT_ENGINE_SETTINGS }),
    );
    await runner.start();
    await runner.send({ name: characterPublicRefresh.name, data: { characterIds: [jorund.characterId] } });
    await runner.idle();
    await runner.stop();
    // A schedule's tick may also run while it works (a new database fires the latest one); only this job is asked about.
    expect(runner.outcomes.filter((o) => o.jobId === "refresh-character-public")).toEqual([
      { jobId: "refresh-character-public", status: "completed", attempts: 1 },
    ]);
    expect(await t.db.eveCharacter.count({ where: { id: jorund.characterId } })).toBe(1);
  });
});
