// Names through the shared entity table: a batch with an id ESI cannot name still
// stores the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { resolveEntityNames } from "~/server/universe/entities";
import type { Simulator } from "~/simulator/server";
import { makeClient, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  esi = makeClient(t.db, started.url);
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("entity name resolution", () => {
  it("stores every nameable id of a batch that contains one ESI cannot name", async () => {
    const stored = await resolveEntityNames({ db: t.db, esi }, [2112000001, 98000001, 99000001, 1, 2112000002]);
    expect(stored).toBe(4);
    const names = await t.db.eveEntity.findMany({ orderBy: { id: "asc" } });
    expect(names.map((n) => [n.id, n.category])).toEqual([
      [98000001, "corporation"],
      [99000001, "alliance"],
      [2112000001, "character"],
      [2112000002, "character"],
    ]);
  });

  it("asks ESI nothing for ids already known or already found unresolvable", async () => {
    sim.resetStats();
    expect(await resolveEntityNames({ db: t.db, esi }, [2112000001, 1])).toBe(0);
    expect(sim.stats().requests).toBe(0);
  });
});
