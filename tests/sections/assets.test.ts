// assets: the whole tree replaced when the list changed, names from assets/names,
// the current ship added, locations reported, inserts chunked.
import type { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { type EsiClient, EsiMissingScopeError } from "~/server/esi/client";
import { assets } from "~/server/sections/assets";
import { type AssetItem, buildAssetTree } from "~/server/sections/assets-tree";
import { currentLocationId } from "~/server/sections/location";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { characterSection } from "~/simulator/data";
import { sectionSuite } from "../support/section-suite";
import { NO_ROUTE_CACHES } from "~/server/updates/route-caches";

const BRANN = 2112000009; // has items in the Lone Wolves Den, which he may not see
const NYX = 2112000010;
const DEN = 1_035_466_617_950n;
const SHIP_SCOPES = ["esi-location.read_ship_type.v1", "esi-location.read_location.v1"];

type Stored = [
  itemId: bigint,
  typeId: number,
  quantity: number,
  parent: bigint | null,
  location: bigint | null,
  flag: string,
  name: string | null,
];

async function storedAssets(db: Db, characterId: number): Promise<Stored[]> {
  const rows = await db.characterAsset.findMany({ where: { characterId }, orderBy: { itemId: "asc" } });
  return rows.map((r) => [r.itemId, r.typeId, r.quantity, r.parentItemId, r.locationId, r.locationFlag, r.name]);
}

/** What the simulator's current data should become, derived independently of the section's code. */
function expectedAssets(characterId: number): Stored[] {
  const section = characterSection(characterId, "assets")!;
  const { ship, location } = characterSection(characterId, "location")!;
  const ids = new Set(section.items.map((i) => i.item_id));
  const rows: Stored[] = section.items.map((i) => {
    const nested = ids.has(i.location_id);
    const name = section.names.get(i.item_id);
    return [
      BigInt(i.item_id),
      i.type_id,
      i.quantity,
      nested ? BigInt(i.location_id) : null,
      nested ? null : BigInt(i.location_id),
      i.location_flag,
      i.is_singleton && name ? name : null,
    ];
  });
  if (!ids.has(ship.ship_item_id)) {
    rows.push([
      BigInt(ship.ship_item_id),
      ship.ship_type_id,
      1,
      null,
      BigInt(currentLocationId(location)),
      "Hangar",
      ship.ship_name,
    ]);
  }
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const env = sectionSuite(
  [
    {
      section: assets,
      character: BRANN,
      route: "/characters/{character_id}/assets",
      mutation: "assets",
      extraScopes: SHIP_SCOPES,
      stored: storedAssets,
      expected: expectedAssets,
    },
  ],
  { extraCharacters: [{ id: NYX, scopes: [...assets.scopes, ...SHIP_SCOPES] }], resolveLocations: true },
);

describe("assets tree", () => {
  it("is consistent: every parent exists, only top-level items carry a location", async () => {
    const rows = await storedAssets(env.db, BRANN);
    const ids = new Set(rows.map((r) => r[0]));
    expect(rows.length).toBeGreaterThan(100);
    for (const [, , , parent, location] of rows) {
      if (parent === null) expect(location).not.toBeNull();
      else {
        expect(ids.has(parent)).toBe(true);
        expect(location).toBeNull();
      }
    }
    expect(rows.some((r) => r[3] !== null)).toBe(true);
  });

  it("includes the current ship in the hangar at the character's location", async () => {
    const { ship, location } = characterSection(BRANN, "location")!;
    const row = await env.db.characterAsset.findUniqueOrThrow({
      where: { characterId_itemId: { characterId: BRANN, itemId: BigInt(ship.ship_item_id) } },
    });
    expect(row).toMatchObject({
      typeId: ship.ship_type_id,
      locationFlag: "Hangar",
      locationId: BigInt(currentLocationId(location)),
      parentItemId: null,
      name: ship.ship_name,
    });
  });

  it("resolves the top-level locations; the structure he may not enter is a placeholder", async () => {
    const db = env.db;
    const top = await db.characterAsset.findMany({
      where: { characterId: BRANN, parentItemId: null },
      distinct: ["locationId"],
      select: { locationId: true },
    });
    const locations = await db.location.findMany({ where: { id: { in: top.map((r) => r.locationId!) } } });
    expect(locations).toHaveLength(top.length);
    expect(locations.find((l) => l.id === DEN)).toMatchObject({
      isPlaceholder: true,
      category: "structure",
      name: `Unknown structure ${DEN}`,
    });
  });

  it("stores everything with a tiny chunk size", async () => {
    const outcome = await env.run(NYX, assets, { settings: { assetsChunkSize: 50 } });
    expect(outcome).toMatchObject({ status: "updated" });
    const stored = await storedAssets(env.db, NYX);
    expect(stored).toEqual(expectedAssets(NYX));
    expect(outcome).toMatchObject({ written: stored.length });
  });

  it("inserts parents first in batches of at most assetsChunkSize rows", async () => {
    const items: AssetItem[] = [];
    const item = (itemId: number, locationId: number): AssetItem => ({
      itemId,
      typeId: 34,
      quantity: 1,
      locationId,
      locationType: "item",
      locationFlag: "Cargo",
      isSingleton: false,
      isBlueprintCopy: false,
      name: null,
    });
    // Children listed before their parents, nested three deep.
    for (let i = 0; i < 40; i++) items.push(item(3000 + i, 2000 + (i % 10)));
    for (let i = 0; i < 10; i++) items.push(item(2000 + i, 1000 + (i % 3)));
    for (let i = 0; i < 3; i++)
      items.push({ ...item(1000 + i, 60003760), locationType: "station", locationFlag: "Hangar" });
    const batches: number[][] = [];
    // Seven items stored before, none of them still listed.
    const tx = {
      characterAsset: {
        findMany: async ({ where }: { where: { itemId?: unknown } }) =>
          where.itemId ? [] : Array.from({ length: 7 }, (_, i) => ({ itemId: BigInt(i + 1) })),
        deleteMany: async ({ where }: { where: { itemId: { in: bigint[] } } }) => ({ count: where.itemId.in.length }),
      },
      // insertRows sends each batch as one JSON parameter.
      $executeRaw: async (query: Prisma.Sql) => {
        const data = JSON.parse(query.values.find((v): v is string => typeof v === "string")!) as { itemId: string }[];
        batches.push(data.map((d) => Number(d.itemId)));
        return data.length;
      },
    } as unknown as Prisma.TransactionClient;
    const result = await assets.persist(
      { tx, characterId: NYX, now: new Date(), settings: { ...DEFAULT_SECTION_SETTINGS, assetsChunkSize: 7 } },
      items,
    );
    expect(result.written).toBe(7 + 53);
    expect(result.locationIds).toEqual([60003760n]);
    expect(batches.every((b) => b.length <= 7)).toBe(true);
    const order = batches.flat();
    expect(order).toHaveLength(53);
    const seen = new Set<number>();
    for (const id of order) {
      const it = items.find((i) => i.itemId === id)!;
      if (it.locationType === "item") expect(seen.has(it.locationId)).toBe(true);
      seen.add(id);
    }
  });

  it("keeps items in a loop rather than losing them", () => {
    const base = {
      typeId: 1,
      quantity: 1,
      locationType: "item",
      locationFlag: "Cargo",
      isSingleton: true,
      isBlueprintCopy: false,
      name: null,
    };
    const { rows } = buildAssetTree([
      { ...base, itemId: 1, locationId: 2 },
      { ...base, itemId: 2, locationId: 1 },
    ]);
    expect(rows.map((r) => r.itemId).sort()).toEqual([1n, 2n]);
    expect(rows.filter((r) => r.parentItemId === null)).toHaveLength(1);
  });
});

describe("assets fetch", () => {
  const listed = [
    {
      item_id: 11,
      type_id: 587,
      location_id: 60003760,
      location_type: "station",
      location_flag: "Hangar",
      quantity: 1,
      is_singleton: true,
    },
    {
      item_id: 12,
      type_id: 34,
      location_id: 11,
      location_type: "item",
      location_flag: "Cargo",
      quantity: 500,
      is_singleton: false,
    },
    {
      item_id: 10,
      type_id: 3467,
      location_id: 60003760,
      location_type: "station",
      location_flag: "Hangar",
      quantity: 1,
      is_singleton: true,
    },
  ];
  const fakeEsi = (ship: () => Promise<unknown>) => {
    const posted: number[][] = [];
    const esi = {
      getPages: async () => ({
        status: "ok",
        data: listed,
        cache: { etag: "e", expiresAt: null },
        lastModified: null,
        pages: 1,
        fromCache: false,
      }),
      post: async (_: string, { body }: { body: number[] }) => {
        posted.push(body);
        return body.map((id) => ({ item_id: id, name: id === 11 ? "Old Faithful" : "None" }));
      },
      getData: async (path: string) =>
        path.endsWith("/ship") ? ship() : { solar_system_id: 30000142, structure_id: 1_035_466_617_946 },
    } as unknown as EsiClient;
    return { esi, posted };
  };
  const fetchWith = (esi: EsiClient) =>
    assets.fetch({
      characterId: NYX,
      esi,
      db: {} as Db,
      now: new Date(),
      cache: { etag: null, expiresAt: null },
      routes: NO_ROUTE_CACHES,
      force: false,
      settings: DEFAULT_SECTION_SETTINGS,
      part: (_name, run) => run(),
    });

  it('names singletons only, drops "None", sorts by item id and adds the ship docked in a structure', async () => {
    const { esi, posted } = fakeEsi(async () => ({ ship_item_id: 99, ship_type_id: 587, ship_name: "Rifter One" }));
    const result = await fetchWith(esi);
    expect(posted).toEqual([[11, 10]]);
    if (result.status !== "ok") throw new Error("expected data");
    expect(result.data.map((i) => [i.itemId, i.name])).toEqual([
      [10, null],
      [11, "Old Faithful"],
      [12, null],
      [99, "Rifter One"],
    ]);
    expect(result.data[3]).toMatchObject({
      locationId: 1_035_466_617_946,
      locationType: "item",
      locationFlag: "Hangar",
      isSingleton: true,
    });
  });

  it("skips a capsule, a ship already listed and a token without the location scopes", async () => {
    for (const ship of [
      async () => ({ ship_item_id: 98, ship_type_id: 670, ship_name: "Capsule" }),
      async () => ({ ship_item_id: 11, ship_type_id: 587, ship_name: "Old Faithful" }),
      async () => {
        throw new EsiMissingScopeError(NYX, "/characters/{character_id}/ship", "esi-location.read_ship_type.v1");
      },
    ]) {
      const result = await fetchWith(fakeEsi(ship).esi);
      if (result.status !== "ok") throw new Error("expected data");
      expect(result.data.map((i) => i.itemId)).toEqual([10, 11, 12]);
    }
  });
});
