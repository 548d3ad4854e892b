// Mining and Planets tabs over data loaded by the real section updates from the
// simulator, with CCP's prices refreshed from the simulator's GET /markets/prices.
import { describe, expect, it } from "vitest";
import { createJobs } from "~/server/jobs/definitions";
import type { AppDeps } from "~/server/deps";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { miningLedger } from "~/server/sections/mining-ledger";
import { planets } from "~/server/sections/planets";
import { refreshMarketPrices } from "~/server/universe/market-prices";
import { characterSection } from "~/simulator/data";
import { averagePrice, marketTypes } from "~/simulator/data/catalog";
import { useSeededSheet } from "../support/seeded-sheet";

const CHARACTER = 2112000001;
const h = useSeededSheet(CHARACTER, [miningLedger, planets]);
const ledger = () => characterSection(CHARACTER, "industry")!.mining;

async function allPages(limit: number) {
  const rows: any[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await h.ok("sheet.mining.ledger", { characterId: CHARACTER, limit, cursor });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { rows, pages };
}

describe("market prices", () => {
  it("stores CCP's average and adjusted price of every market type, and updates them on the next refresh", async () => {
    const result = await refreshMarketPrices({ db: h.t.db, esi: h.esi });
    expect(result.types).toBe(marketTypes().length);
    expect(await h.t.db.eveMarketPrice.count()).toBe(marketTypes().length);
    const sample = marketTypes()[0]!.id;
    expect((await h.t.db.eveMarketPrice.findUniqueOrThrow({ where: { typeId: sample } })).averagePrice).toBe(
      averagePrice(sample),
    );
    await h.t.db.eveMarketPrice.update({ where: { typeId: sample }, data: { averagePrice: 1 } });
    h.esi.clearMemory();
    await refreshMarketPrices({ db: h.t.db, esi: h.esi });
    expect((await h.t.db.eveMarketPrice.findUniqueOrThrow({ where: { typeId: sample } })).averagePrice).toBe(
      averagePrice(sample),
    );
  });

  it("are loaded by a job within 15 minutes of a fresh install, then refreshed only when a day old", async () => {
    const job = createJobs(() => ({ db: h.t.db, esi: h.esi }) as AppDeps, {
      sharingTimeoutMinutes: 0,
      engine: DEFAULT_ENGINE_SETTINGS,
    }).find((j) => j.id === "refresh-market-prices")!;
    expect(job.trigger).toEqual({ cron: "*/15 * * * *" });
    const run = () =>
      job.handler({
        event: { name: "inngest/scheduled.timer", data: {} },
        step: { run: (_id: string, fn: () => unknown) => Promise.resolve(fn()), sendEvent: async () => undefined },
        attempt: 0,
      } as never);
    await h.t.db.eveMarketPrice.deleteMany();
    h.esi.clearMemory();
    expect(await run()).toEqual({ types: marketTypes().length });
    expect(await h.t.db.eveMarketPrice.count()).toBe(marketTypes().length);
    // Fresh: the next tick asks ESI nothing and writes nothing.
    const sample = marketTypes()[0]!.id;
    await h.t.db.eveMarketPrice.update({ where: { typeId: sample }, data: { averagePrice: 1 } });
    h.esi.clearMemory();
    expect(await run()).toEqual({ skipped: "fresh" });
    expect((await h.t.db.eveMarketPrice.findUniqueOrThrow({ where: { typeId: sample } })).averagePrice).toBe(1);
    // A day old: refreshed.
    await h.t.db.eveMarketPrice.updateMany({ data: { updatedAt: new Date(Date.now() - 24 * 3_600_000) } });
    expect(await run()).toEqual({ types: marketTypes().length });
    expect((await h.t.db.eveMarketPrice.findUniqueOrThrow({ where: { typeId: sample } })).averagePrice).toBe(
      averagePrice(sample),
    );
  });
});

describe("mining tab", () => {
  it("pages through the whole ledger newest day first, each row valued at quantity × average price", async () => {
    // Before the type loader ran, ore shows by id rather than failing.
    const unnamed = await h.ok("sheet.mining.ledger", { characterId: CHARACTER, limit: 3 });
    expect(unnamed.rows.map((r: any) => r.typeName)).toEqual(unnamed.rows.map((r: any) => `Type ${r.typeId}`));
    await h.seedTypes(ledger().map((e) => e.type_id));
    const { rows, pages } = await allPages(7);
    expect(pages).toBe(Math.ceil(ledger().length / 7));
    expect(rows).toHaveLength(ledger().length);
    expect(new Set(rows.map((r) => `${r.date}/${r.solarSystemId}/${r.typeId}`)).size).toBe(ledger().length);
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort().reverse());
    const prices = new Map((await h.t.db.eveMarketPrice.findMany()).map((p) => [p.typeId, p.averagePrice]));
    for (const r of rows) {
      const source = ledger().find(
        (e) => e.date === r.date && e.solar_system_id === r.solarSystemId && e.type_id === r.typeId,
      )!;
      expect(r.quantity).toBe(source.quantity);
      const price = prices.get(r.typeId);
      expect(r.value).toBe(price == null ? null : source.quantity * price);
      expect(r.typeName).not.toMatch(/^Type /);
    }
    expect(rows.some((r) => r.value !== null)).toBe(true);
  });

  it("filters by ore type and solar system, offering only what the ledger holds", async () => {
    const options = await h.ok("sheet.mining.filterOptions", { characterId: CHARACTER });
    expect(options.types.map((t: any) => t.id).sort()).toEqual([...new Set(ledger().map((e) => e.type_id))].sort());
    expect(options.systems.map((s: any) => s.id).sort()).toEqual(
      [...new Set(ledger().map((e) => e.solar_system_id))].sort(),
    );
    const typeId = ledger()[0]!.type_id;
    const solarSystemId = ledger()[0]!.solar_system_id;
    const rows: any[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.ok("sheet.mining.ledger", {
        characterId: CHARACTER,
        limit: 2,
        typeId,
        solarSystemId,
        cursor,
      });
      rows.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(rows.length).toBe(
      ledger().filter((e) => e.type_id === typeId && e.solar_system_id === solarSystemId).length,
    );
    expect(rows.every((r) => r.typeId === typeId && r.solarSystemId === solarSystemId)).toBe(true);
  });

  it("totals quantity and value per calendar month", async () => {
    const prices = new Map((await h.t.db.eveMarketPrice.findMany()).map((p) => [p.typeId, p.averagePrice ?? 0]));
    const expected = new Map<string, { quantity: number; value: number }>();
    for (const e of ledger()) {
      const month = e.date.slice(0, 7);
      const m = expected.get(month) ?? { quantity: 0, value: 0 };
      expected.set(month, {
        quantity: m.quantity + e.quantity,
        value: m.value + e.quantity * (prices.get(e.type_id) ?? 0),
      });
    }
    const months = await h.ok("sheet.mining.monthly", { characterId: CHARACTER });
    expect(months.map((m: any) => m.month)).toEqual([...expected.keys()].sort().reverse());
    for (const m of months) {
      expect(m.quantity).toBe(expected.get(m.month)!.quantity);
      expect(m.value).toBeCloseTo(expected.get(m.month)!.value, 2);
    }
  });

  it("refuses a malformed cursor with 400 and a foreign character with 404", async () => {
    const bad = await h.query("owner", "sheet.mining.ledger", { characterId: CHARACTER, cursor: "bm90LWpzb24" });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/cursor/);
    expect(
      (
        await h.query("owner", "sheet.mining.ledger", {
          characterId: CHARACTER,
          cursor: Buffer.from('["x",1,2]').toString("base64url"),
        })
      ).status,
    ).toBe(400);
    expect((await h.query("stranger", "sheet.mining.ledger", { characterId: CHARACTER })).status).toBe(404);
    expect((await h.query("stranger", "sheet.mining.monthly", { characterId: CHARACTER })).status).toBe(404);
  });
});

describe("planets tab", () => {
  it("lists every colony with its system name, type, pins, upgrade level and last update", async () => {
    const colonies = characterSection(CHARACTER, "planets")!.colonies;
    const rows = await h.ok("sheet.planets.colonies", { characterId: CHARACTER });
    expect(rows.map((r: any) => [r.planetId, r.planetType, r.numPins, r.upgradeLevel]).sort()).toEqual(
      colonies.map((c) => [c.planet_id, c.planet_type, c.num_pins, c.upgrade_level]).sort(),
    );
    const systems = new Map((await h.t.db.location.findMany()).map((l) => [Number(l.id), l.name]));
    const entities = new Map((await h.t.db.eveEntity.findMany()).map((e) => [e.id, e.name]));
    for (const r of rows)
      expect(r.solarSystemName).toBe(
        systems.get(r.solarSystemId) ?? entities.get(r.solarSystemId) ?? `#${r.solarSystemId}`,
      );
    expect(rows.every((r: any) => r.lastUpdate instanceof Date)).toBe(true);
    expect((await h.query("stranger", "sheet.planets.colonies", { characterId: CHARACTER })).status).toBe(404);
  });
});
