// npm run bench:viewer [-- --short]: the assets tab of one character with 20,000 items
// (8 locations; ships with fitted modules and cargo; containers nested 3 deep), used by
// 20 concurrent clients through the tRPC handler the app serves. Each round is what a
// viewer does: open the tab (locations), expand the biggest hangar and page on, open
// a container, search. Prints server-time percentiles per procedure and overall. The
// viewer is an auditor (view_everything), not the owner, so every sheet call is a view
// for the audit log; `--no-audit` turns recording off to show what it adds.
import { performance } from "node:perf_hooks";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "~/server/api/root";
import { flushAudit, recordAudit, setAuditRecording } from "~/server/audit/record";
import type { CurrentUser } from "~/server/auth/session";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { createDb } from "~/server/db/client";
import { createEsiClient } from "~/server/esi/client";
import { Rng } from "~/simulator/data/prng";
import { sdeCategories, sdeGroups, sdeStations, sdeTypes, typesInCategory } from "~/simulator/sde";
import { createTestDatabase } from "../../tests/support/database";
import { testAppDeps } from "../../tests/support/app-deps";

const short = process.argv.includes("--short");
const audit = !process.argv.includes("--no-audit");
setAuditRecording(audit);
const ITEMS = short ? 5_000 : 20_000;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const ROUNDS = short ? 3 : 10;
const CHARACTER_ID = 2113999001;

const rng = new Rng("bench-viewer-assets");
const random = () => rng.next();
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

interface Row {
  characterId: number;
  itemId: bigint;
  typeId: number;
  quantity: number;
  locationFlag: string;
  locationType: string;
  isSingleton: boolean;
  name: string | null;
  parentItemId: bigint | null;
  locationId: bigint | null;
}

/** A realistic tree: per location, loose stacks, fitted ships with cargo, and containers holding containers. */
function buildAssets(locationIds: bigint[]): Row[] {
  const published = (category: number) => typesInCategory(category).filter((t) => t.published);
  const ships = published(6);
  const modules = published(7);
  const stackable = [...published(8), ...published(4), ...published(25), ...published(17), ...published(43)];
  const containers = sdeTypes().filter((t) => t.published && [12, 340, 448].includes(t.groupId));
  const rows: Row[] = [];
  let next = 1_040_000_000_000n;
  const add = (
    typeId: number,
    where: { parent: bigint } | { location: bigint },
    flag: string,
    singleton: boolean,
    name: string | null = null,
  ) => {
    const itemId = next++;
    const top = "location" in where;
    rows.push({
      characterId: CHARACTER_ID,
      itemId,
      typeId,
      quantity: singleton ? 1 : 1 + Math.floor(random() * 5000),
      locationFlag: flag,
      locationType: top ? "station" : "item",
      isSingleton: singleton,
      name,
      parentItemId: top ? null : where.parent,
      locationId: top ? where.location : null,
    });
    return itemId;
  };
  // The first location is the main hangar (Jita-like): about 40% of everything.
  const weights = [40, 18, 12, 10, 8, 6, 4, 2];
  const total = weights.reduce((a, b) => a + b, 0);
  locationIds.forEach((location, index) => {
    const target = rows.length + Math.floor((ITEMS * weights[index]!) / total);
    const at = { location };
    while (rows.length < target) {
      const roll = random();
      if (roll < 0.06) {
        const ship = add(pick(ships).id, at, "Hangar", true, random() < 0.5 ? `Ship ${rows.length}` : null);
        for (let s = 0; s < 8 + Math.floor(random() * 12); s++)
          add(pick(modules).id, { parent: ship }, `HiSlot${s % 8}`, true);
        for (let c = 0; c < Math.floor(random() * 10); c++) add(pick(stackable).id, { parent: ship }, "Cargo", false);
      } else if (roll < 0.1) {
        const outer = add(pick(containers).id, at, "Hangar", true, `Box ${rows.length}`);
        for (let c = 0; c < 10 + Math.floor(random() * 30); c++)
          add(pick(stackable).id, { parent: outer }, "Unlocked", false);
        const middle = add(pick(containers).id, { parent: outer }, "Unlocked", true, `Inner ${rows.length}`);
        for (let c = 0; c < 5 + Math.floor(random() * 15); c++)
          add(pick(stackable).id, { parent: middle }, "Unlocked", false);
        const inner = add(pick(containers).id, { parent: middle }, "Unlocked", true, null);
        for (let c = 0; c < 5 + Math.floor(random() * 10); c++)
          add(pick(random() < 0.5 ? modules : stackable).id, { parent: inner }, "Unlocked", false);
      } else {
        add(pick(random() < 0.3 ? modules : stackable).id, at, "Hangar", false);
      }
    }
  });
  return rows.slice(0, ITEMS);
}

const t = await createTestDatabase();
try {
  const { db } = t;
  const seedStarted = performance.now();
  await db.eveCategory.createMany({
    data: sdeCategories().map((c) => ({ id: c.id, name: c.name, published: c.published })),
  });
  await db.eveGroup.createMany({
    data: sdeGroups().map((g) => ({ id: g.id, name: g.name, categoryId: g.categoryId, published: g.published })),
  });
  for (let i = 0; i < sdeTypes().length; i += 5000) {
    await db.eveType.createMany({
      data: sdeTypes()
        .slice(i, i + 5000)
        .map((ty) => ({
          id: ty.id,
          name: ty.name,
          groupId: ty.groupId,
          published: ty.published,
          volume: ty.volume ?? null,
          marketGroupId: ty.marketGroupId ?? null,
        })),
    });
  }
  const stations = sdeStations().slice(0, 6);
  const locationIds = [...stations.map((s) => BigInt(s.id)), 1_035_466_617_946n, 2004n];
  await db.location.createMany({
    data: [
      ...stations.map((s) => ({ id: BigInt(s.id), name: s.name, category: "station", solarSystemId: s.systemId })),
      { id: 1_035_466_617_946n, name: "Bench structure", category: "structure" },
      { id: 2004n, name: "ASSET SAFETY", category: "unknown" },
    ],
  });
  await db.eveMarketPrice.createMany({
    data: sdeTypes()
      .filter((ty) => ty.basePrice)
      .map((ty) => ({ typeId: ty.id, averagePrice: ty.basePrice! })),
  });
  await db.eveCharacter.create({ data: { id: CHARACTER_ID, name: "Bench Hoarder" } });
  await db.character.create({ data: { id: CHARACTER_ID } });
  await db.group.create({ data: { id: "members", name: "Members", permissions: ["basic_access"] } });
  await db.user.create({
    data: { id: "owner", mainCharacterId: CHARACTER_ID, memberships: { create: { groupId: "members" } } },
  });
  await db.characterOwnership.create({ data: { characterId: CHARACTER_ID, userId: "owner", ownerHash: "bench" } });
  await db.eveCharacter.create({ data: { id: CHARACTER_ID + 1, name: "Bench Auditor" } });
  await db.group.create({
    data: { id: "auditors", name: "Auditors", permissions: ["basic_access", "characters_access", "view_everything"] },
  });
  await db.user.create({
    data: { id: "auditor", mainCharacterId: CHARACTER_ID + 1, memberships: { create: { groupId: "auditors" } } },
  });
  const assets = buildAssets(locationIds);
  for (let i = 0; i < assets.length; i += 5000) await db.characterAsset.createMany({ data: assets.slice(i, i + 5000) });
  await db.$executeRaw`ANALYZE`;
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  // The app's default pool size, not the test helper's small one.
  const pooled = createDb(t.url, 10);
  const deps = testAppDeps({
    db: pooled,
    cipher: createTokenCipher({ current: Buffer.alloc(32, 1).toString("base64") }),
    esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }),
  });
  const user = (await db.user.findUniqueOrThrow({
    where: { id: "auditor" },
    include: { mainCharacter: true },
  })) as CurrentUser;

  async function call<T>(procedure: string, input: object): Promise<{ ms: number; data: T }> {
    const encoded = encodeURIComponent(JSON.stringify(superjson.serialize({ characterId: CHARACTER_ID, ...input })));
    const started = performance.now();
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://bench/api/trpc/${procedure}?input=${encoded}`),
      router: appRouter,
      createContext: async () => ({ deps, user }),
    });
    const body = (await response.json()) as { result?: { data: unknown } };
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${procedure} answered ${response.status}: ${JSON.stringify(body)}`);
    return { ms, data: superjson.deserialize(body.result!.data as never) as T };
  }

  const biggest = locationIds[0]!;
  const container = assets.find(
    (a) => a.parentItemId === null && a.locationId === biggest && a.name?.startsWith("Box"),
  )!;
  const searches = ["tritanium", "booster", "small", "ship 1", "ammo"];
  const times = new Map<string, number[]>();
  const record = (name: string, ms: number) => times.set(name, [...(times.get(name) ?? []), ms]);

  async function round(client: number, r: number, log: boolean) {
    // No location and no container: only the procedure ladder (session, permissions, access filter) runs.
    const ladder = await call("sheet.assets.children", {});
    if (log) record("ladder only (baseline)", ladder.ms);
    const locations = await call<{ totals: { items: number }; locations: { id: number; items: number }[] }>(
      "sheet.assets.locations",
      {},
    );
    if (log) record("locations", locations.ms);
    if (locations.data.totals.items !== assets.length)
      throw new Error(`locations counted ${locations.data.totals.items} items, seeded ${assets.length}`);
    const page = await call<{ rows: unknown[]; nextCursor: string | null }>("sheet.assets.children", {
      locationId: Number(biggest),
      limit: 50,
    });
    if (log) record("children (hangar)", page.ms);
    if (page.data.nextCursor) {
      const more = await call("sheet.assets.children", {
        locationId: Number(biggest),
        limit: 50,
        cursor: page.data.nextCursor,
      });
      if (log) record("children (next page)", more.ms);
    }
    const inside = await call("sheet.assets.children", { parentItemId: Number(container.itemId), limit: 50 });
    if (log) record("children (container)", inside.ms);
    const found = await call("sheet.assets.search", { query: searches[(client + r) % searches.length], limit: 50 });
    if (log) record("search", found.ms);
  }

  await round(0, 0, false); // warm-up: plans and pools
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let r = 0; r < ROUNDS; r++) await round(c, r, true);
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);

  const pct = (list: number[], p: number) =>
    list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!.toFixed(1);
  const line = (name: string, list: number[]) => {
    list.sort((a, b) => a - b);
    return `${name.padEnd(22)} n ${String(list.length).padStart(4)}  p50 ${pct(list, 50).padStart(7)}  p95 ${pct(list, 95).padStart(7)}  p99 ${pct(list, 99).padStart(7)}  max ${list.at(-1)!.toFixed(1).padStart(7)}`;
  };
  const all = [...times.values()].flat();
  console.log(
    `viewer assets benchmark: ${assets.length} items in ${locationIds.length} locations (seeded in ${seedSeconds.toFixed(1)} s), ${CLIENTS} concurrent clients x ${ROUNDS} rounds, ${all.length} requests in ${wall.toFixed(1)} s`,
  );
  console.log("server time ms:");
  for (const [name, list] of times) console.log(`  ${line(name, list)}`);
  console.log(`  ${line("overall", all)}  (target p95 <= 300)`);
  await flushAudit(pooled);
  const views = await pooled.auditEvent.count({ where: { action: "character.view" } });
  console.log(`audit recording ${audit ? "on" : "off (--no-audit)"}: ${views} view events written`);
  // What recording adds to a request is the synchronous recordAudit call (the write is off the
  // request path, in a later flush): timed alone, in a scratch buffer, flushed away afterwards.
  if (audit) {
    const scratch = createDb(t.url, 2);
    const perCall: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const s0 = performance.now();
      for (let j = 0; j < 5; j++)
        recordAudit(scratch, {
          action: "character.view",
          actorUserId: "auditor",
          via: "session",
          characterId: CHARACTER_ID,
          detail: "bench",
        });
      perCall.push(((performance.now() - s0) / 5) * 1000);
      if (i % 100 === 99) await flushAudit(scratch);
    }
    await flushAudit(scratch);
    await scratch.$disconnect();
    perCall.sort((a, b) => a - b);
    console.log(
      `recordAudit on the request path: p50 ${perCall[1000]!.toFixed(2)} µs, p99 ${perCall[1980]!.toFixed(2)} µs per call (target: added p50 <= 1 ms)`,
    );
  }
  console.log(
    `app process CPU per request: ${((cpu.user + cpu.system) / 1000 / all.length).toFixed(1)} ms (the rest of the machine's 2 cores is PostgreSQL)`,
  );
  await pooled.$disconnect();
} finally {
  await t.drop();
}
