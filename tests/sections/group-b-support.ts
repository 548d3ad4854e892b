// Shared set-up for group B's section tests (journal, transactions, loyalty, mining,
// contracts, planets): one database, the simulator, one registered character, and
// the checks every section repeats (ESI failure keeps the data, invalid token).
import { afterAll, beforeAll, expect } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import type { SectionDefinition, SectionSettings } from "~/server/sections/types";
import { updateSection } from "~/server/updates/update-section";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

export interface SectionHarness {
  readonly t: TestDatabase;
  readonly sim: Simulator;
  readonly esi: EsiClient;
  readonly entityIds: number[][];
  readonly locationIds: bigint[][];
  run(force?: boolean, settings?: SectionSettings): ReturnType<typeof updateSection>;
  status(): Promise<{ isSuccess: boolean | null; errorMessage: string | null; isTokenError: boolean }>;
  /** Makes the next run persist even when ESI returns what it returned before. */
  forgetContentHash(): Promise<void>;
  expectFailureKeeps<T>(route: string, snapshot: () => Promise<T>): Promise<void>;
  expectTokenError(): Promise<void>;
}

export function useSectionHarness(characterId: number, section: SectionDefinition<any>): SectionHarness {
  let t: TestDatabase;
  let sim: Simulator;
  let esi: EsiClient;
  let url: string;
  const entityIds: number[][] = [];
  const locationIds: bigint[][] = [];
  const key = { characterId_section: { characterId, section: section.name } };

  beforeAll(async () => {
    t = await createTestDatabase();
    const started = await startSim();
    sim = started.sim;
    url = started.url;
    await registerWithToken(t.db, url, characterId, { scopes: [...section.scopes] });
    esi = makeClient(t.db, url);
  });
  afterAll(async () => {
    await esi?.close();
    await sim?.close();
    await t?.drop();
  });

  const harness: SectionHarness = {
    get t() {
      return t;
    },
    get sim() {
      return sim;
    },
    get esi() {
      return esi;
    },
    entityIds,
    locationIds,
    run: (force = false, settings = DEFAULT_SECTION_SETTINGS) =>
      updateSection(
        {
          db: t.db,
          esi,
          resolvers: {
            entities: async (ids) => entityIds.push(ids),
            locations: async (_, ids) => locationIds.push(ids),
          },
        },
        characterId,
        section,
        { force, settings },
      ),
    status: () => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: key }),
    forgetContentHash: async () => {
      await t.db.sectionUpdateStatus.update({ where: key, data: { contentHash: null } });
    },
    async expectFailureKeeps(route, snapshot) {
      const before = await snapshot();
      sim.expireCaches(characterId);
      sim.injectFault({ route, kind: "status", status: 500 });
      const outcome = await harness.run(true);
      sim.clearFaults();
      expect(outcome.status).toBe("failed");
      const status = await harness.status();
      expect(status.isSuccess).toBe(false);
      expect(status.errorMessage).toBeTruthy();
      expect(await snapshot()).toEqual(before);
    },
    async expectTokenError() {
      sim.revokeCharacterTokens(characterId);
      await t.db.esiToken.update({ where: { characterId }, data: { accessTokenExpiresAt: new Date(0) } });
      // A new process: nothing remembered, so the expired access token must be refreshed.
      await esi.close();
      esi = makeClient(t.db, url);
      const outcome = await harness.run(true);
      expect(outcome).toMatchObject({ status: "failed", tokenError: true });
      expect((await harness.status()).isTokenError).toBe(true);
    },
  };
  return harness;
}
