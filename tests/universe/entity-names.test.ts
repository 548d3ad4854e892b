// Names through the shared entity table: a batch with an id ESI cannot name still
// stores the others.
import { describe, expect, it } from "vitest";
import { resolveEntityNames } from "~/server/universe/entities";
import { useSimDatabase } from "../support/sim-database";

const env = useSimDatabase();

describe("entity name resolution", () => {
  it("stores every nameable id of a batch that contains one ESI cannot name", async () => {
    const stored = await resolveEntityNames(env.deps, [2112000001, 98000001, 99000001, 1, 2112000002]);
    expect(stored).toBe(4);
    const names = await env.db.eveEntity.findMany({ orderBy: { id: "asc" } });
    expect(names.map((n) => [n.id, n.category])).toEqual([
      [98000001, "corporation"],
      [99000001, "alliance"],
      [2112000001, "character"],
      [2112000002, "character"],
    ]);
  });

  it("asks ESI nothing for ids already known or already found unresolvable", async () => {
    env.sim.resetStats();
    expect(await resolveEntityNames(env.deps, [2112000001, 1])).toBe(0);
    expect(env.sim.stats().requests).toBe(0);
  });
});
