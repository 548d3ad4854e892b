// The "drift" fault: 200 bodies shaped like those CCP's ESI has really sent against its
// own spec (an unknown location_flag, a new journal ref_type, required fields left out,
// one malformed item), drifting the same way for the same seed, and only where a
// drifted shape exists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIFT_VALUES, driftRule } from "~/simulator/faults/drift";
import type { Simulator } from "~/simulator/server";
import { CLIENT, startSim } from "../support/simulator";

const CHARACTER = 2112000001;
const SCOPES = ["esi-assets.read_assets.v1", "esi-wallet.read_character_wallet.v1", "esi-skills.read_skills.v1"];
type Item = Record<string, unknown>;

async function open(seed: number): Promise<{ sim: Simulator; url: string; token: string }> {
  const { sim, url } = await startSim({ seed });
  return { sim, url, token: await sim.issueAccessToken(CHARACTER, SCOPES, CLIENT.clientId) };
}

const getJson = async (s: { url: string; token: string }, path: string) => {
  const res = await fetch(`${s.url}${path}`, { headers: { Authorization: `Bearer ${s.token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as unknown;
};

let a: Awaited<ReturnType<typeof open>>;
beforeAll(async () => {
  a = await open(7);
});
afterAll(async () => a?.sim.close());

describe("drift fault", () => {
  it("assets: one leaf item gets CCP's unknown location_flag, another loses its type_id, the rest is as served", async () => {
    const path = `/characters/${CHARACTER}/assets`;
    const clean = (await getJson(a, path)) as Item[];
    a.sim.injectFault({ kind: "drift", route: "/characters/{character_id}/assets" });
    const drifted = (await getJson(a, path)) as Item[];
    a.sim.clearFaults();
    expect(drifted).toHaveLength(clean.length);
    const flagged = drifted.filter((item) => item.location_flag === DRIFT_VALUES.locationFlag);
    const malformed = drifted.filter((item) => !("type_id" in item));
    expect(flagged).toHaveLength(1);
    expect(malformed).toHaveLength(1);
    const containers = new Set(clean.map((item) => item.location_id));
    for (const item of [...flagged, ...malformed]) expect(containers.has(item.item_id)).toBe(false);
    const touched = new Set([flagged[0]!.item_id, malformed[0]!.item_id]);
    expect(drifted.filter((item) => !touched.has(item.item_id))).toEqual(
      clean.filter((item) => !touched.has(item.item_id)),
    );
  });

  it("drifts alike for the same seed, rules and requests", async () => {
    const path = `/characters/${CHARACTER}/wallet/journal`;
    const twins = [await open(11), await open(11)];
    try {
      const bodies: Item[][] = [];
      for (const s of twins) {
        s.sim.injectFault({ kind: "drift" });
        bodies.push((await getJson(s, path)) as Item[]);
      }
      expect(bodies[0]!.filter((e) => e.ref_type === DRIFT_VALUES.refType)).toHaveLength(1);
      expect(bodies[0]).toEqual(bodies[1]);
    } finally {
      for (const s of twins) await s.sim.close();
    }
  });

  it("character details come without achievement_score, required by the spec", async () => {
    const path = `/characters/${CHARACTER}`;
    expect(await getJson(a, path)).toHaveProperty("achievement_score");
    a.sim.injectFault({ kind: "drift" });
    const drifted = (await getJson(a, path)) as Item;
    a.sim.clearFaults();
    expect(drifted).not.toHaveProperty("achievement_score");
    expect(drifted).toHaveProperty("birthday");
  });

  it("fires only where a drifted shape exists: other routes are served as they are and count nothing", async () => {
    const path = `/characters/${CHARACTER}/skills`;
    const clean = await getJson(a, path);
    a.sim.injectFault({ kind: "drift" });
    expect(await getJson(a, path)).toEqual(clean);
    expect(a.sim.faults()).toMatchObject([{ kind: "drift", injected: 0 }]);
    a.sim.clearFaults();
  });

  it("is switched on with a share from 0 to 1 (SIM_DRIFT) and refuses anything else", () => {
    expect(driftRule(undefined)).toBeUndefined();
    expect(driftRule("")).toBeUndefined();
    expect(driftRule("0")).toBeUndefined();
    expect(driftRule("0.25")).toEqual({ kind: "drift", rate: 0.25 });
    expect(() => driftRule("2")).toThrow(/SIM_DRIFT/);
    expect(() => driftRule("lots")).toThrow(/SIM_DRIFT/);
  });

  it("is a fault rule the control API accepts", async () => {
    const res = await fetch(`${a.url}/_sim/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ kind: "drift", rate: 0.5 }),
    });
    expect(res.status).toBe(200);
    expect(a.sim.faults()).toMatchObject([{ kind: "drift", rate: 0.5 }]);
    a.sim.clearFaults();
  });
});
