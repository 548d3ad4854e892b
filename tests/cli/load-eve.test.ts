// `memberaudit load-eve`: Member Audit's categories preloaded from ESI (here the
// simulator) with groups, types and skill dogma; a category ESI lacks is reported,
// not fatal; a second run fetches no type again.
import { runCli } from "../support/cli-process";
import { describe, expect, it } from "vitest";
import { loadEve } from "~/server/cli/load-eve";
import { DOGMA } from "~/server/universe/types";
import { groupsInCategory, typesInCategory } from "~/simulator/sde";
import { useSimDatabase } from "../support/sim-database";

const env = useSimDatabase();

function cli(...args: string[]) {
  return runCli({ databaseUrl: env.databaseUrl, simulatorUrl: env.url }, ...args);
}

describe("load-eve", () => {
  it("loads skills (with rank and attributes) and drones, reporting a category ESI does not have", async () => {
    const lines: string[] = [];
    const report = await loadEve(env.deps, { categories: [16, 18, 87], log: (l) => lines.push(l) });
    const expectedTypes = typesInCategory(16).length + typesInCategory(18).length;
    expect(report).toMatchObject({
      categories: 2,
      groups: groupsInCategory(16).length + groupsInCategory(18).length,
      types: expectedTypes,
      stored: expectedTypes,
    });
    expect(report.failed).toEqual([expect.objectContaining({ kind: "category", id: 87 })]);
    expect(lines.some((l) => /^category 16 Skill: \d+ groups, \d+ types$/.test(l))).toBe(true);
    expect(await env.db.eveType.count({ where: { group: { categoryId: 16 } } })).toBe(typesInCategory(16).length);
    const ranks = await env.db.eveTypeDogmaAttribute.count({
      where: { attributeId: DOGMA.skillRank, type: { group: { categoryId: 16 } } },
    });
    expect(ranks).toBe(typesInCategory(16).length);
  }, 120_000);

  it("is idempotent: a second run stores nothing and asks only for categories and groups", async () => {
    const before = await env.db.eveType.count();
    const report = await loadEve(env.deps, { categories: [16, 18] });
    expect(report.stored).toBe(0);
    expect(report.requests).toBe(2 + groupsInCategory(16).length + groupsInCategory(18).length);
    expect(await env.db.eveType.count()).toBe(before);
  }, 60_000);

  it("runs as `npm run memberaudit -- load-eve --category ID` with progress output", async () => {
    const run = await cli("load-eve", "--category", "20");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/category 20 Implant: \d+ groups, \d+ types/);
    expect(run.out).toContain(`${typesInCategory(20).length}/${typesInCategory(20).length} types fetched`);
    expect(await env.db.eveType.count({ where: { group: { categoryId: 20 } } })).toBe(typesInCategory(20).length);
    const bad = await cli("load-eve", "--category", "implants");
    expect(bad.code).toBe(2);
  }, 120_000);
});
