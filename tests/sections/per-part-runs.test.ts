// Each route of a multi-route section succeeds or fails on its own: assets (the list,
// the custom names, the current ship) and market orders (open orders, order history).
// A failing part keeps its last good data, the other parts are stored, the status row
// names the failed part, and the next run asks it again.
import { describe, expect, it } from "vitest";
import { assets } from "~/server/sections/assets";
import { marketOrders } from "~/server/sections/market-orders";
import { ship } from "~/server/sections/ship";
import type { SectionDefinition } from "~/server/sections/types";
import { characterSection } from "~/simulator/data";
import { useSectionEnv } from "../support/section-env";

const BRANN = 2112000009; // flies a ship that ESI's asset list leaves out
const TRADER = 2112000008;
const env = useSectionEnv([
  { id: BRANN, scopes: [...assets.scopes, ...ship.scopes, "esi-location.read_location.v1"] },
  { id: TRADER, scopes: marketOrders.scopes },
]);

async function runFailing(characterId: number, section: SectionDefinition<any>, route: string, method?: "POST") {
  env.sim.expireCaches(characterId);
  env.sim.injectFault({ route, kind: "status", status: 500, ...(method ? { method } : {}) });
  return env.run(characterId, section, { force: true }).finally(() => env.sim.clearFaults());
}

const storedAssets = async () =>
  new Map((await env.db.characterAsset.findMany({ where: { characterId: BRANN } })).map((a) => [Number(a.itemId), a]));

describe("assets parts", () => {
  it("failing custom names keep the stored names while a changed list is stored, and are asked again", async () => {
    await env.run(BRANN, ship);
    expect((await env.run(BRANN, assets)).status).toBe("updated");
    const named = [...(await storedAssets()).values()].filter((a) => a.name !== null);
    expect(named.length).toBeGreaterThan(0);
    env.sim.mutateCharacter(BRANN, "assets");
    const listed = characterSection(BRANN, "assets")!.items.map((a) => a.item_id);

    const outcome = await runFailing(BRANN, assets, "/characters/{character_id}/assets/names", "POST");
    expect(outcome.status).toBe("updated");
    const after = await storedAssets();
    for (const id of listed) expect(after.has(id)).toBe(true);
    for (const a of named) if (after.has(Number(a.itemId))) expect(after.get(Number(a.itemId))!.name).toBe(a.name);
    const status = await env.status(BRANN, assets);
    expect(status.isSuccess).toBe(false);
    expect(status.errorMessage).toMatch(/^Part failed, its last good data kept: asset names: /);

    // No ETag was kept: the next run, unforced, reads the list again and names the new items too.
    env.esi(BRANN).clearMemory();
    await env.run(BRANN, assets);
    expect((await env.status(BRANN, assets)).isSuccess).toBe(true);
    const names = characterSection(BRANN, "assets")!.names;
    const renamed = await storedAssets();
    for (const [id, name] of names) if (renamed.has(id)) expect(renamed.get(id)!.name).toBe(name);
  });

  it("a failing current ship keeps the stored ship row while the list is stored, and names the part", async () => {
    const { ship: current } = characterSection(BRANN, "location")!;
    const before = (await storedAssets()).get(current.ship_item_id);
    expect(before).toBeDefined();
    await env.forgetContentHash(BRANN, assets);
    const outcome = await runFailing(BRANN, assets, "/characters/{character_id}/ship");
    expect(outcome.status).toBe("updated");
    expect((await storedAssets()).get(current.ship_item_id)).toEqual(before);
    const status = await env.status(BRANN, assets);
    expect(status.isSuccess).toBe(false);
    expect(status.errorMessage).toContain("current ship: ");
    expect(status.errorMessage).not.toContain("asset names");
  });
});

describe("market orders parts", () => {
  const stored = async () => env.db.characterMarketOrder.count({ where: { characterId: TRADER } });

  it("failing order history still stores the open orders, and names the part", async () => {
    const outcome = await runFailing(TRADER, marketOrders, "/characters/{character_id}/orders/history");
    expect(outcome.status).toBe("updated");
    const open = await env.db.characterMarketOrder.findMany({ where: { characterId: TRADER } });
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((o) => o.state === "open")).toBe(true);
    const status = await env.status(TRADER, marketOrders);
    expect(status.isSuccess).toBe(false);
    expect(status.errorMessage).toContain("order history: ");
    expect(status.errorMessage).not.toContain("open orders");
  });

  it("failing open orders still store the history, and the next run completes both", async () => {
    const before = await stored();
    const outcome = await runFailing(TRADER, marketOrders, "/characters/{character_id}/orders");
    expect(outcome.status).toBe("updated");
    expect(await env.db.characterMarketOrder.count({ where: { characterId: TRADER, state: { not: "open" } } })).toBe(
      (await stored()) - before,
    );
    expect(await stored()).toBeGreaterThan(before);
    const status = await env.status(TRADER, marketOrders);
    expect(status.isSuccess).toBe(false);
    expect(status.errorMessage).toContain("open orders: ");
    expect(status.errorMessage).not.toContain("order history");

    env.sim.expireCaches(TRADER);
    await env.run(TRADER, marketOrders, { force: true });
    expect((await env.status(TRADER, marketOrders)).isSuccess).toBe(true);
  });

  it("both failing fail the run and keep every stored order", async () => {
    const before = await stored();
    const outcome = await runFailing(TRADER, marketOrders, "/characters/{character_id}/orders*");
    expect(outcome.status).toBe("failed");
    expect(await stored()).toBe(before);
    expect((await env.status(TRADER, marketOrders)).errorMessage).toMatch(/^Every part failed: /);
  });
});
