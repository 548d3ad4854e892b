// Industry and Fittings tabs over data loaded by the real section updates from the
// simulator (places resolved by the real resolver), read through the tRPC API.
import { describe, expect, it } from "vitest";
import { blueprints } from "~/server/sections/blueprints";
import { fittings } from "~/server/sections/fittings";
import { industryJobs } from "~/server/sections/industry-jobs";
import { marketOrders } from "~/server/sections/market-orders";
import { slotGroup } from "~/server/sheet/fittings";
import { useSeededSheet } from "../support/seeded-sheet";

const CHARACTER = 2112000001;
const h = useSeededSheet(CHARACTER, [blueprints, industryJobs, marketOrders, fittings]);

describe("industry tab", () => {
  it("lists blueprints with names, research, runs and location names", async () => {
    const stored = await h.t.db.characterBlueprint.findMany({ where: { characterId: CHARACTER } });
    expect(stored.length).toBeGreaterThan(0);
    await h.seedTypes(stored.map((b) => b.typeId));
    const sheet = await h.ok("sheet.industry.get", { characterId: CHARACTER });
    expect(sheet.blueprints).toHaveLength(stored.length);
    const places = new Map((await h.t.db.location.findMany()).map((l) => [l.id.toString(), l.name]));
    for (const b of sheet.blueprints) {
      const row = stored.find((s) => s.itemId.toString() === b.itemId)!;
      expect(b.typeName).not.toMatch(/^Type /);
      expect([b.isCopy, b.runs, b.materialEfficiency, b.timeEfficiency]).toEqual([
        row.quantity === -2,
        row.runs === -1 ? null : row.runs,
        row.materialEfficiency,
        row.timeEfficiency,
      ]);
      expect(b.locationName).toBe(places.get(row.locationId.toString()) ?? `#${row.locationId}`);
    }
    expect(sheet.blueprints.map((b: any) => b.typeName)).toEqual(
      [...sheet.blueprints.map((b: any) => b.typeName)].sort((a, b) => a.localeCompare(b)),
    );
  });

  it("lists industry jobs by activity name, open jobs first", async () => {
    const stored = await h.t.db.characterIndustryJob.findMany({ where: { characterId: CHARACTER } });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(200);
    const { jobs, historyTotals } = await h.ok("sheet.industry.get", { characterId: CHARACTER });
    expect(jobs).toHaveLength(stored.length);
    expect(historyTotals.jobs).toBe(stored.filter((j) => !["active", "paused", "ready"].includes(j.status)).length);
    const names: Record<number, string> = {
      1: "Manufacturing",
      3: "Time efficiency research",
      4: "Material efficiency research",
      5: "Copying",
      8: "Invention",
      9: "Reactions",
      11: "Reactions",
    };
    for (const j of jobs) {
      const row = stored.find((s) => s.jobId.toString() === j.jobId)!;
      expect(j.activity).toBe(
        names[row.activityId] ?? (row.activityId === 7 ? "Reverse engineering" : `Activity ${row.activityId}`),
      );
      expect(j.endDate).toEqual(row.endDate);
    }
    const open = (j: any) => ["active", "paused", "ready"].includes(j.status);
    const firstFinished = jobs.findIndex((j: any) => !open(j));
    if (firstFinished >= 0) expect(jobs.slice(firstFinished).some(open)).toBe(false);
  });

  it("lists every open order and the newest 200 closed ones with side, volumes and expiry", async () => {
    const stored = await h.t.db.characterMarketOrder.findMany({
      where: { characterId: CHARACTER },
      orderBy: [{ issued: "desc" }, { orderId: "desc" }],
    });
    const open = stored.filter((o) => o.state === "open");
    const closed = stored.filter((o) => o.state !== "open");
    expect(closed.length).toBeGreaterThan(200);
    const { orders, historyTotals } = await h.ok("sheet.industry.get", { characterId: CHARACTER });
    expect(historyTotals.orders).toBe(closed.length);
    expect(orders.map((o: any) => o.orderId)).toEqual(
      [...open, ...closed.slice(0, 200)].map((o) => o.orderId.toString()),
    );
    for (const o of orders.slice(0, 20)) {
      const row = stored.find((s) => s.orderId.toString() === o.orderId)!;
      expect([o.isBuyOrder, o.price, o.volumeRemain, o.volumeTotal]).toEqual([
        row.isBuyOrder,
        Number(row.price),
        row.volumeRemain,
        row.volumeTotal,
      ]);
      expect(o.expires.getTime() - o.issued.getTime()).toBe(row.duration * 86_400_000);
    }
  });

  it("answers 404 to a viewer who may not see the character", async () => {
    expect((await h.query("stranger", "sheet.industry.get", { characterId: CHARACTER })).status).toBe(404);
  });
});

describe("fittings tab", () => {
  it("shows every fitting with its ship and all items grouped by slot kind, slots in order", async () => {
    const stored = await h.t.db.characterFitting.findMany({ where: { characterId: CHARACTER } });
    expect(stored.length).toBeGreaterThan(0);
    await h.seedTypes(
      stored.flatMap((f) => [f.shipTypeId, ...(f.items as { type_id: number }[]).map((i) => i.type_id)]),
    );
    const list = await h.ok("sheet.fittings.list", { characterId: CHARACTER });
    expect(list.map((f: any) => f.fittingId).sort()).toEqual(stored.map((f) => f.fittingId).sort());
    for (const f of list) {
      const row = stored.find((s) => s.fittingId === f.fittingId)!;
      const items = row.items as { flag: string; type_id: number; quantity: number }[];
      expect(f.shipTypeName).not.toMatch(/^Type /);
      expect(f.groups.flatMap((g: any) => g.items)).toHaveLength(items.length);
      for (const g of f.groups) {
        expect(g.items.every((i: any) => slotGroup(i.flag) === g.group)).toBe(true);
        const slots = g.items.map((i: any) => Number(/(\d+)$/.exec(i.flag)?.[1] ?? 0));
        expect(slots).toEqual([...slots].sort((a, b) => a - b));
      }
    }
    const flags = list.flatMap((f: any) => f.groups.map((g: any) => g.group));
    expect(flags).toContain("high");
    expect(flags).toContain("low");
  });

  it("groups ESI's slot flags the way the fitting window does", () => {
    expect(
      [
        "HiSlot0",
        "MedSlot3",
        "LoSlot7",
        "RigSlot2",
        "SubSystemSlot1",
        "DroneBay",
        "Cargo",
        "FighterBay",
        "ServiceSlot0",
        "Invalid",
      ].map(slotGroup),
    ).toEqual(["high", "medium", "low", "rig", "subsystem", "drone", "cargo", "fighter", "service", "other"]);
  });

  it("answers 404 to a viewer who may not see the character", async () => {
    expect((await h.query("stranger", "sheet.fittings.list", { characterId: CHARACTER })).status).toBe(404);
  });
});
