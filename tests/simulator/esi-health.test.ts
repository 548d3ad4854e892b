// GET /meta/status and its switch at /_sim/esi-status: all up, one route down, ESI down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "~/simulator/server";
import { startSim } from "../support/simulator";

let sim: Simulator;
let url: string;

beforeAll(async () => {
  ({ sim, url } = await startSim());
});
afterAll(async () => sim?.close());

const setState = (body: unknown) =>
  fetch(`${url}/_sim/esi-status`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
type RouteStatus = { method: string; path: string; status: string };
const routes = async () => {
  const res = await fetch(`${url}/meta/status`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { routes: RouteStatus[] }).routes;
};
const WALLET = { method: "GET", path: "/characters/{character_id}/wallet" };

describe("ESI route health", () => {
  it("all up: every served route is listed OK", async () => {
    const list = await routes();
    expect(list).toContainEqual({ ...WALLET, status: "OK" });
    expect(list.length).toBeGreaterThan(10);
    expect(list.every((r) => r.status === "OK")).toBe(true);
  });

  it("one route down: only that route is Down, and the switch reads back", async () => {
    expect((await setState({ state: "route-down", route: "GET /characters/{character_id}/wallet" })).status).toBe(200);
    expect(await (await fetch(`${url}/_sim/esi-status`)).json()).toEqual({
      state: "route-down",
      route: "GET /characters/{character_id}/wallet",
    });
    const list = await routes();
    expect(list.filter((r) => r.status !== "OK")).toEqual([{ ...WALLET, status: "Down" }]);
  });

  it("all down: the status route answers 503 with ESI's error body; up again serves it", async () => {
    await setState({ state: "down" });
    const res = await fetch(`${url}/latest/meta/status`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: expect.stringContaining("unavailable") });
    await setState({ state: "up" });
    expect((await routes()).every((r) => r.status === "OK")).toBe(true);
  });

  it("refuses an unknown state", async () => {
    expect((await setState({ state: "sideways" })).status).toBe(400);
    expect((await setState({ state: "route-down" })).status).toBe(400);
    expect(sim.esiHealth()).toEqual({ state: "up" });
  });
});
