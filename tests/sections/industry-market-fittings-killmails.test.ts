// Sections beyond Member Audit's: blueprints, industry_jobs, market_orders, fittings,
// killmails, each through the shared checks on its own roster character (revoking
// one section's token must not affect another's case).
import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiClient } from "~/server/esi/client";
import { blueprints } from "~/server/sections/blueprints";
import { fittings } from "~/server/sections/fittings";
import { industryJobs } from "~/server/sections/industry-jobs";
import { killmails } from "~/server/sections/killmails";
import { marketOrders } from "~/server/sections/market-orders";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import type { SectionDefinition } from "~/server/sections/types";
import { updateSection } from "~/server/updates/update-section";
import type { Simulator } from "~/simulator/server";
import { characterContext, characterSection } from "~/simulator/data";
import { blueprintsOf, jobsAt } from "~/simulator/data/industry";
import { killmailDetail, recentKillmails } from "~/simulator/data/killmails";
import { makeClient, registerWithToken, startSim } from "../support/simulator";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { iso, isoOf } from "../support/iso-dates";
import { sectionSuite } from "../support/section-suite";

const ascending =
  <T>(key: (row: T) => number) =>
  (a: T, b: T) =>
    key(a) - key(b);
const cents = (value: number | undefined) => (value === undefined ? null : value.toFixed(2));
const market = (id: number) => characterSection(id, "market")!;

sectionSuite([
  {
    section: blueprints,
    character: 2112000003,
    route: "/characters/{character_id}/blueprints",
    async stored(db, characterId) {
      const rows = await db.characterBlueprint.findMany({ where: { characterId }, orderBy: { itemId: "asc" } });
      return rows.map((r) => [
        Number(r.itemId),
        r.typeId,
        Number(r.locationId),
        r.locationFlag,
        r.quantity,
        r.materialEfficiency,
        r.timeEfficiency,
        r.runs,
      ]);
    },
    expected(characterId) {
      return blueprintsOf(characterContext(characterId)!, characterSection(characterId, "assets")!.items)
        .sort(ascending((b) => b.item_id))
        .map((b) => [
          b.item_id,
          b.type_id,
          b.location_id,
          b.location_flag,
          b.quantity,
          b.material_efficiency,
          b.time_efficiency,
          b.runs,
        ]);
    },
  },
  {
    section: industryJobs,
    character: 2112000001,
    route: "/characters/{character_id}/industry/jobs",
    async stored(db, characterId) {
      const rows = await db.characterIndustryJob.findMany({ where: { characterId }, orderBy: { jobId: "asc" } });
      return rows.map((r) => [
        Number(r.jobId),
        r.activityId,
        r.status,
        Number(r.blueprintId),
        r.blueprintTypeId,
        Number(r.facilityId),
        r.installerId,
        r.runs,
        r.licensedRuns,
        r.successfulRuns,
        r.productTypeId,
        r.probability,
        r.cost?.toFixed(2) ?? null,
        r.duration,
        iso(r.startDate),
        iso(r.endDate),
        iso(r.pauseDate),
        iso(r.completedDate),
        r.completedCharacterId,
      ]);
    },
    expected(characterId) {
      // Completed jobs included, as the section asks for them; statuses as ESI reports them now.
      return jobsAt(characterSection(characterId, "industry")!.jobs, Date.now(), true)
        .sort(ascending((j) => j.job_id))
        .map((j) => [
          j.job_id,
          j.activity_id,
          j.status,
          j.blueprint_id,
          j.blueprint_type_id,
          j.facility_id,
          j.installer_id,
          j.runs,
          j.licensed_runs ?? null,
          j.successful_runs ?? null,
          j.product_type_id ?? null,
          j.probability ?? null,
          cents(j.cost),
          j.duration,
          isoOf(j.start_date),
          isoOf(j.end_date),
          isoOf(j.pause_date),
          isoOf(j.completed_date),
          j.completed_character_id ?? null,
        ]);
    },
  },
  {
    section: marketOrders,
    character: 2112000002,
    // Both routes: each alone is a part, and the other part's rows would still be stored.
    route: "/characters/{character_id}/orders*",
    async stored(db, characterId) {
      const rows = await db.characterMarketOrder.findMany({ where: { characterId }, orderBy: { orderId: "asc" } });
      return rows.map((r) => [
        Number(r.orderId),
        r.state,
        r.isBuyOrder,
        r.isCorporation,
        r.typeId,
        r.regionId,
        Number(r.locationId),
        r.range,
        r.price.toFixed(2),
        r.volumeTotal,
        r.volumeRemain,
        r.minVolume,
        r.escrow?.toFixed(2) ?? null,
        r.duration,
        iso(r.issued),
      ]);
    },
    expected(characterId) {
      const { orders, history } = market(characterId);
      const all = new Map<number, (typeof orders)[number] & { state?: string }>();
      for (const o of [...orders, ...history]) all.set(o.order_id, o);
      return [...all.values()]
        .sort(ascending((o) => o.order_id))
        .map((o) => [
          o.order_id,
          o.state ?? "open",
          o.is_buy_order ?? false,
          o.is_corporation,
          o.type_id,
          o.region_id,
          o.location_id,
          o.range,
          cents(o.price),
          o.volume_total,
          o.volume_remain,
          o.min_volume ?? null,
          cents(o.escrow),
          o.duration,
          isoOf(o.issued),
        ]);
    },
  },
  {
    section: fittings,
    character: 2112000004,
    route: "/characters/{character_id}/fittings",
    async stored(db, characterId) {
      const rows = await db.characterFitting.findMany({ where: { characterId }, orderBy: { fittingId: "asc" } });
      return rows.map((r) => [r.fittingId, r.name, r.description, r.shipTypeId, r.items]);
    },
    expected(characterId) {
      return [...market(characterId).fittings]
        .sort(ascending((f) => f.fitting_id))
        .map((f) => [
          f.fitting_id,
          f.name,
          f.description,
          f.ship_type_id,
          f.items.map((i) => ({ flag: i.flag, quantity: i.quantity, type_id: i.type_id })),
        ]);
    },
  },
  {
    section: killmails,
    character: 2112000009,
    route: "/characters/{character_id}/killmails/recent",
    async stored(db, characterId) {
      const rows = await db.characterKillmail.findMany({ where: { characterId }, orderBy: { killmailId: "asc" } });
      return rows.map((r) => [
        Number(r.killmailId),
        r.killmailHash,
        iso(r.killmailTime),
        r.solarSystemId,
        r.victimCharacterId,
        r.victimShipTypeId,
        r.attackerCount,
        r.finalBlowCharacterId,
        r.victimItems,
      ]);
    },
    expected(characterId) {
      const ctx = characterContext(characterId)!;
      // Ids are numbered oldest first (the list is newest first), so kill n has the n-th lowest id.
      const refs = recentKillmails(ctx).sort(ascending((r) => r.killmail_id));
      return refs.map((r, i) => {
        const d = killmailDetail(ctx, i + 1)!;
        return [
          r.killmail_id,
          r.killmail_hash,
          isoOf(d.killmail_time),
          d.solar_system_id,
          d.victim.character_id ?? null,
          d.victim.ship_type_id,
          d.attackers.length,
          d.attackers.find((a) => a.final_blow)?.character_id ?? null,
          lostPerType(d.victim.items ?? []),
        ];
      });
    },
  },
]);

type LostDetail = {
  item_type_id: number;
  quantity_destroyed?: number;
  quantity_dropped?: number;
  items?: LostDetail[];
};

/** Everything the victim lost, container contents included, summed per type in type order. */
function lostPerType(items: LostDetail[]): Array<{ typeId: number; quantity: number }> {
  const total = new Map<number, number>();
  const walk = (list: LostDetail[]): void =>
    list.forEach((i) => {
      total.set(
        i.item_type_id,
        (total.get(i.item_type_id) ?? 0) + (i.quantity_destroyed ?? 0) + (i.quantity_dropped ?? 0),
      );
      walk(i.items ?? []);
    });
  walk(items);
  return [...total]
    .filter(([, quantity]) => quantity > 0)
    .sort(([a], [b]) => a - b)
    .map(([typeId, quantity]) => ({ typeId, quantity }));
}

// What the shared checks cannot see: rows kept across runs, killmail details asked
// for once, and which ids go to the name and location resolvers.
describe("blueprints, industry jobs, market orders, fittings and killmails write rules", () => {
  const JOBS = 2112000002;
  const ORDERS = 2112000008;
  const KILLS = 2112000005;
  const OTHER = 2112000006;
  const BLUEPRINTS = JOBS;
  let t: TestDatabase;
  let sim: Simulator;
  let url: string;
  let esi: EsiClient;
  const reported = { entities: [] as number[], locations: [] as bigint[] };
  const run = (characterId: number, section: SectionDefinition<any>, client = esi) =>
    updateSection(
      {
        db: t.db,
        esi: client,
        resolvers: {
          entities: async (ids) => reported.entities.push(...ids),
          locations: async (_, ids) => reported.locations.push(...ids),
        },
      },
      characterId,
      section,
      { force: true, settings: DEFAULT_SECTION_SETTINGS },
    );
  /** Makes the engine persist although ESI's data is the same as last time. */
  const forgetHash = (characterId: number, section: string) =>
    t.db.sectionUpdateStatus.update({
      where: { characterId_section: { characterId, section } },
      data: { contentHash: null },
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    ({ sim, url } = await startSim());
    for (const id of [JOBS, ORDERS, KILLS, OTHER]) {
      await registerWithToken(t.db, url, id, {
        scopes: [...industryJobs.scopes, ...marketOrders.scopes, ...killmails.scopes, ...blueprints.scopes],
      });
    }
    esi = makeClient(t.db, url);
  });
  afterAll(async () => {
    await esi?.close();
    await sim?.close();
    await t?.drop();
  });

  it("keeps jobs that left ESI's list and rewrites only changed ones", async () => {
    await run(JOBS, industryJobs);
    const [first] = await t.db.characterIndustryJob.findMany({
      where: { characterId: JOBS },
      orderBy: { jobId: "asc" },
      take: 1,
    });
    await t.db.characterIndustryJob.update({
      where: { characterId_jobId: { characterId: JOBS, jobId: first!.jobId } },
      data: { status: "paused" },
    });
    await t.db.characterIndustryJob.create({ data: { ...first!, jobId: 1n, status: "delivered", cost: first!.cost } });
    await forgetHash(JOBS, "industry_jobs");
    expect(await run(JOBS, industryJobs)).toMatchObject({ status: "updated", written: 1 });
    expect(
      (
        await t.db.characterIndustryJob.findUniqueOrThrow({
          where: { characterId_jobId: { characterId: JOBS, jobId: first!.jobId } },
        })
      ).status,
    ).toBe(first!.status);
    expect(await t.db.characterIndustryJob.count({ where: { characterId: JOBS, jobId: 1n } })).toBe(1);
  });

  it("takes an order's closed state from the history and keeps orders ESI no longer lists", async () => {
    await run(ORDERS, marketOrders);
    const closed = await t.db.characterMarketOrder.findFirstOrThrow({
      where: { characterId: ORDERS, state: { not: "open" } },
    });
    await t.db.characterMarketOrder.update({
      where: { characterId_orderId: { characterId: ORDERS, orderId: closed.orderId } },
      data: { state: "open" },
    });
    await t.db.characterMarketOrder.create({ data: { ...closed, orderId: 1n, state: "expired" } });
    await forgetHash(ORDERS, "market_orders");
    expect(await run(ORDERS, marketOrders)).toMatchObject({ status: "updated", written: 1 });
    expect(
      (
        await t.db.characterMarketOrder.findUniqueOrThrow({
          where: { characterId_orderId: { characterId: ORDERS, orderId: closed.orderId } },
        })
      ).state,
    ).toBe(closed.state);
    expect(await t.db.characterMarketOrder.count({ where: { characterId: ORDERS, orderId: 1n } })).toBe(1);
  });

  it("asks for a killmail's details once, even when another character stored it", async () => {
    reported.entities.length = 0;
    await run(KILLS, killmails);
    const rows = await t.db.characterKillmail.findMany({ where: { characterId: KILLS } });
    expect(rows.length).toBeGreaterThan(1);
    expect(reported.entities.length).toBeGreaterThan(0);
    expect(new Set(reported.entities)).toEqual(
      new Set(rows.flatMap((r) => [r.victimCharacterId, r.finalBlowCharacterId]).filter((id) => id !== null)),
    );
    // One killmail now only known through another character, one not stored at all.
    const [shared, lost] = rows;
    await t.db.characterKillmail.create({
      data: { ...shared!, characterId: OTHER, victimItems: shared!.victimItems ?? Prisma.JsonNull },
    });
    await t.db.characterKillmail.deleteMany({
      where: { characterId: KILLS, killmailId: { in: [shared!.killmailId, lost!.killmailId] } },
    });
    await forgetHash(KILLS, "killmails");
    // A fresh client: no public bodies remembered, so every detail asked for is a request.
    const fresh = makeClient(t.db, url);
    try {
      expect(await run(KILLS, killmails, fresh)).toMatchObject({ status: "updated", written: 2 });
      const details = fresh.snapshot().routes.filter((r) => r.route === "/killmails/{killmail_id}/{killmail_hash}");
      expect(details.reduce((sum, r) => sum + r.count, 0)).toBe(1);
    } finally {
      await fresh.close();
    }
    expect(await t.db.characterKillmail.count({ where: { characterId: KILLS } })).toBe(rows.length);
  });

  it("a failing killmail detail is left out and named while the others are stored, and is asked again", async () => {
    // Only killmails no character has stored yet: each one's detail is a request.
    await t.db.characterKillmail.deleteMany({ where: { characterId: OTHER } });
    sim.injectFault({ route: "/killmails/{killmail_id}/{killmail_hash}", kind: "status", status: 500, count: 1 });
    const outcome = await run(OTHER, killmails).finally(() => sim.clearFaults());
    expect(outcome).toMatchObject({ status: "updated", written: 1 });
    expect(await t.db.characterKillmail.count({ where: { characterId: OTHER } })).toBe(1);
    const status = await t.db.sectionUpdateStatus.findUniqueOrThrow({
      where: { characterId_section: { characterId: OTHER, section: "killmails" } },
    });
    expect(status.isSuccess).toBe(false);
    expect(status.errorMessage).toMatch(/killmail \d+: /);
    // No ETag was kept: the next run reads the list again and fetches the missing detail.
    expect(await run(OTHER, killmails)).toMatchObject({ status: "updated", written: 1 });
    expect(await t.db.characterKillmail.count({ where: { characterId: OTHER } })).toBe(2);
  });

  it("reports only hangar locations of blueprints, never the containers they sit in", async () => {
    reported.locations.length = 0;
    await run(BLUEPRINTS, blueprints);
    const rows = await t.db.characterBlueprint.findMany({ where: { characterId: BLUEPRINTS } });
    const itemIds = new Set(rows.map((r) => r.itemId));
    expect(reported.locations.length).toBeGreaterThan(0);
    for (const id of reported.locations) expect(itemIds.has(id)).toBe(false);
    expect(new Set(reported.locations)).toEqual(
      new Set(
        rows
          .filter(
            (r) => r.locationFlag === "Hangar" || r.locationFlag === "Deliveries" || r.locationFlag === "AssetSafety",
          )
          .map((r) => r.locationId),
      ),
    );
  });
});
