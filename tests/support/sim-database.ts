// One throwaway database, one simulator and one ESI client per test file, opened in
// beforeAll and closed in afterAll: the set-up of tests that talk to ESI without a
// registered roster of their own (the section tests have section-env.ts).
import { afterAll, beforeAll } from "vitest";
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import type { Simulator } from "~/simulator/server";
import { makeClient, startSim } from "./simulator";
import { createTestDatabase, type TestDatabase } from "./database";

export interface SimDatabase {
  readonly db: Db;
  /** The test database's connection string, for child processes. */
  readonly databaseUrl: string;
  readonly sim: Simulator;
  readonly url: string;
  readonly esi: EsiClient;
  /** What domain functions take: `{ db, esi }`. */
  readonly deps: { db: Db; esi: EsiClient };
}

export function useSimDatabase(): SimDatabase {
  let t: TestDatabase;
  let sim: Simulator;
  let url: string;
  let esi: EsiClient;
  beforeAll(async () => {
    t = await createTestDatabase();
    ({ sim, url } = await startSim());
    esi = makeClient(t.db, url);
  });
  afterAll(async () => {
    await esi?.close();
    await sim?.close();
    await t?.drop();
  });
  return {
    get db() {
      return t.db;
    },
    get databaseUrl() {
      return t.url;
    },
    get sim() {
      return sim;
    },
    get url() {
      return url;
    },
    get esi() {
      return esi;
    },
    get deps() {
      return { db: t.db, esi };
    },
  };
}
