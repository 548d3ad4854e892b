// The assets tab over tRPC: locations with totals over everything inside, one level
// of the tree at a time with cursor paging, search with the path to each hit, 400 on
// bad cursors and 404 for a character the caller may not view. Data comes from a real
// assets section update against the simulator.
import { describe, expect, it } from "vitest";
import type { AssetLocationSummary, AssetPage, AssetRow, AssetSearchRow, AssetTotals } from "~/server/sheet/assets";
import { assets } from "~/server/sections/assets";
import { sheetEnv } from "../support/assets-sheet";

const BRANN = 2112000009; // has items in the Lone Wolves Den, which he may not see
const DEN = 1_035_466_617_950;
const STRANGER = 2112000001;
const SHIP_SCOPES = ["esi-location.read_ship_type.v1", "esi-location.read_location.v1"];

const env = sheetEnv([{ id: BRANN, sections: [assets], extraScopes: SHIP_SCOPES }], { strangerCharacterId: STRANGER });

type Locations = { totals: AssetTotals; locations: AssetLocationSummary[] };
const locations = async () =>
  (await env.call<Locations>("owner", "sheet.assets.locations", { characterId: BRANN })).data;
const children = (input: object) =>
  env.call<AssetPage<AssetRow>>("owner", "sheet.assets.children", { characterId: BRANN, ...input });

async function allChildren(input: object, limit: number): Promise<AssetRow[]> {
  const rows: AssetRow[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await children({ ...input, limit, cursor });
    expect(page.status).toBe(200);
    rows.push(...page.data.rows);
    if (!page.data.nextCursor) return rows;
    cursor = page.data.nextCursor;
  }
  throw new Error("paging did not end");
}

describe("assets sheet", () => {
  it("lists every location with item counts that add up to the whole tree", async () => {
    const db = env.db();
    const stored = await db.characterAsset.findMany({ where: { characterId: BRANN }, include: {} });
    const { totals, locations: list } = await locations();
    expect(stored.length).toBeGreaterThan(100);
    expect(totals.items).toBe(stored.length);
    expect(totals.quantity).toBe(stored.reduce((s, a) => s + a.quantity, 0));
    expect(list.reduce((s, l) => s + l.items, 0)).toBe(stored.length);
    const topLevel = stored.filter((a) => a.parentItemId === null);
    for (const l of list) expect(l.topLevelItems).toBe(topLevel.filter((a) => Number(a.locationId) === l.id).length);
    // Volume only counts types whose volume is known; here all types are seeded.
    const types = new Map((await db.eveType.findMany()).map((t) => [t.id, t.volume]));
    const volume = stored.reduce((s, a) => s + a.quantity * (types.get(a.typeId) ?? 0), 0);
    expect(totals.volume).toBeCloseTo(volume, 3);
    expect(totals.itemsWithoutVolume).toBe(stored.filter((a) => types.get(a.typeId) == null).length);
    // Names from the location table; the structure he may not enter is a placeholder.
    const known = await db.location.findMany({ where: { id: { in: list.map((l) => BigInt(l.id)) } } });
    for (const l of list) expect(l.name).toBe(known.find((k) => Number(k.id) === l.id)?.name);
    expect(list.find((l) => l.id === DEN)).toMatchObject({ name: `Unknown structure ${DEN}`, category: "structure" });
  });

  it("values items at average market prices, blueprint copies at nothing", async () => {
    const db = env.db();
    const stored = await db.characterAsset.findMany({ where: { characterId: BRANN } });
    const typeIds = [...new Set(stored.map((a) => a.typeId))];
    await db.eveMarketPrice.createMany({
      data: typeIds.map((typeId, i) => ({ typeId, averagePrice: i % 4 === 0 ? null : 1000 + i })),
    });
    const price = new Map(typeIds.map((typeId, i) => [typeId, i % 4 === 0 ? null : 1000 + i]));
    // Prices are read when the index is built: a new hash stands for the next update here.
    await db.sectionUpdateStatus.update({
      where: { characterId_section: { characterId: BRANN, section: "assets" } },
      data: { contentHash: "priced" },
    });
    const { totals, locations: list } = await locations();
    const valueOfItem = (a: (typeof stored)[number]) =>
      a.isBlueprintCopy ? 0 : a.quantity * (price.get(a.typeId) ?? 0);
    expect(totals.value).toBeCloseTo(
      stored.reduce((s, a) => s + valueOfItem(a), 0),
      2,
    );
    expect(totals.value).toBeGreaterThan(0);
    expect(list.reduce((s, l) => s + l.value, 0)).toBeCloseTo(totals.value, 2);
    const top = (await children({ locationId: list[0]!.id, limit: 200 })).data.rows;
    for (const row of top) {
      const a = stored.find((s) => Number(s.itemId) === row.itemId)!;
      expect(row.price).toBe(a.isBlueprintCopy ? null : (price.get(a.typeId) ?? null));
    }
  });

  it("pages through one level at a time, in name order, without gaps or repeats", async () => {
    const { locations: list } = await locations();
    const biggest = [...list].sort((a, b) => b.topLevelItems - a.topLevelItems)[0]!;
    const first = await children({ locationId: biggest.id, limit: 5 });
    expect(first.data.total).toBe(biggest.topLevelItems);
    const rows = await allChildren({ locationId: biggest.id }, 10);
    expect(rows).toHaveLength(biggest.topLevelItems);
    expect(new Set(rows.map((r) => r.itemId)).size).toBe(rows.length);
    const keys = rows.map((r) => (r.name ?? r.typeName).toLowerCase());
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // Names come from EveType/EveGroup.
    const sample = rows[0]!;
    const type = await env.db().eveType.findUniqueOrThrow({ where: { id: sample.typeId }, include: { group: true } });
    expect(sample).toMatchObject({ typeName: type.name, groupName: type.group.name });
  });

  it("opens a container or ship: its direct contents, as many as its child count says", async () => {
    const db = env.db();
    const parent = await db.characterAsset.findFirstOrThrow({
      where: { characterId: BRANN, parentItemId: { not: null } },
      select: { parentItemId: true },
    });
    const expected = await db.characterAsset.findMany({
      where: { characterId: BRANN, parentItemId: parent.parentItemId },
    });
    const rows = await allChildren({ parentItemId: Number(parent.parentItemId) }, 3);
    expect(rows.map((r) => r.itemId).sort()).toEqual(expected.map((e) => Number(e.itemId)).sort());
    // The parent row itself announces its contents.
    const grand = await db.characterAsset.findUniqueOrThrow({
      where: { characterId_itemId: { characterId: BRANN, itemId: parent.parentItemId! } },
    });
    const level =
      grand.parentItemId === null
        ? await allChildren({ locationId: Number(grand.locationId) }, 200)
        : await allChildren({ parentItemId: Number(grand.parentItemId) }, 200);
    expect(level.find((r) => r.itemId === Number(grand.itemId))?.childCount).toBe(expected.length);
    // No location and no parent: nothing, not an error.
    expect((await children({})).data).toEqual({ rows: [], total: 0, nextCursor: null });
  });

  it("finds items by type name and by custom name, with their location and containers", async () => {
    const db = env.db();
    const nested = await db.characterAsset.findFirstOrThrow({
      where: { characterId: BRANN, parentItemId: { not: null } },
      orderBy: { itemId: "asc" },
    });
    const type = await db.eveType.findUniqueOrThrow({ where: { id: nested.typeId } });
    const query = type.name.slice(1, 8).toUpperCase();
    const result = await env.call<AssetPage<AssetSearchRow>>("owner", "sheet.assets.search", {
      characterId: BRANN,
      query,
      limit: 200,
    });
    expect(result.status).toBe(200);
    const hit = result.data.rows.find((r) => r.itemId === Number(nested.itemId))!;
    expect(hit).toBeDefined();
    expect(
      result.data.rows.every(
        (r) =>
          (r.name ?? "").toLowerCase().includes(query.toLowerCase()) ||
          r.typeName.toLowerCase().includes(query.toLowerCase()),
      ),
    ).toBe(true);
    // The path, derived here by walking up the stored tree.
    const chain: number[] = [];
    let at = nested;
    while (at.parentItemId !== null) {
      at = await db.characterAsset.findUniqueOrThrow({
        where: { characterId_itemId: { characterId: BRANN, itemId: at.parentItemId } },
      });
      chain.unshift(Number(at.itemId));
    }
    expect(hit.containers.map((c) => c.itemId)).toEqual(chain);
    expect(hit.location.id).toBe(Number(at.locationId));
    const named = await db.characterAsset.findFirst({ where: { characterId: BRANN, name: { not: null } } });
    if (named) {
      const byName = await env.call<AssetPage<AssetSearchRow>>("owner", "sheet.assets.search", {
        characterId: BRANN,
        query: named.name!,
      });
      expect(byName.data.rows.map((r) => r.itemId)).toContain(Number(named.itemId));
    }
    // LIKE wildcards are taken literally.
    expect(
      (await env.call<AssetPage<AssetSearchRow>>("owner", "sheet.assets.search", { characterId: BRANN, query: "%" }))
        .data.total,
    ).toBe(0);
    expect((await env.call("owner", "sheet.assets.search", { characterId: BRANN })).data).toEqual({
      rows: [],
      total: 0,
      nextCursor: null,
    });
  });

  it("pages search results with a cursor tied to the query", async () => {
    const all = await env.call<AssetPage<AssetSearchRow>>("owner", "sheet.assets.search", {
      characterId: BRANN,
      query: "a",
      limit: 200,
    });
    const total = all.data.total!;
    expect(total).toBeGreaterThan(4);
    const first = await env.call<AssetPage<AssetSearchRow>>("owner", "sheet.assets.search", {
      characterId: BRANN,
      query: "a",
      limit: 3,
    });
    const second = await env.call<AssetPage<AssetSearchRow>>("owner", "sheet.assets.search", {
      characterId: BRANN,
      query: "a",
      limit: 3,
      cursor: first.data.nextCursor,
    });
    expect([...first.data.rows, ...second.data.rows].map((r) => r.itemId)).toEqual(
      all.data.rows.slice(0, 6).map((r) => r.itemId),
    );
    expect(second.data.total).toBeNull();
    const foreign = await env.call("owner", "sheet.assets.search", {
      characterId: BRANN,
      query: "b",
      cursor: first.data.nextCursor,
    });
    expect(foreign.status).toBe(400);
  });

  it("shows the new tree once the section stored changed assets", async () => {
    const db = env.db();
    const totalsOf = async () => {
      const rows = await db.characterAsset.findMany({ where: { characterId: BRANN }, select: { quantity: true } });
      return { items: rows.length, quantity: rows.reduce((s, r) => s + r.quantity, 0) };
    };
    const before = await totalsOf();
    expect((await locations()).totals).toMatchObject(before);
    env.sim().mutateCharacter(BRANN, "assets");
    env.sim().expireCaches(BRANN);
    expect((await env.update(BRANN, assets)).status).toBe("updated");
    const after = await totalsOf();
    expect(after).not.toEqual(before);
    expect((await locations()).totals).toMatchObject(after);
  });

  it("shows unknown types and locations by number, never an error", async () => {
    const db = env.db();
    await db.characterAsset.create({
      data: {
        characterId: BRANN,
        itemId: 9_000_000_000_001n,
        typeId: 999_999_991,
        quantity: 3,
        locationFlag: "Hangar",
        locationType: "station",
        isSingleton: false,
        locationId: 60_999_999n,
      },
    });
    // Outside a section update: a new content hash tells the viewer the tree changed.
    const hash = (contentHash: string) =>
      db.sectionUpdateStatus.update({
        where: { characterId_section: { characterId: BRANN, section: "assets" } },
        data: { contentHash },
      });
    const stale = await locations();
    expect(stale.locations.find((l) => l.id === 60_999_999)).toBeUndefined(); // same hash: the cached tree
    await hash("edited-1");
    const { locations: list } = await locations();
    const unknown = list.find((l) => l.id === 60_999_999)!;
    expect(unknown).toMatchObject({
      name: "Unknown location #60999999",
      isKnown: false,
      items: 1,
      quantity: 3,
      volume: 0,
    });
    expect(list.at(-1)!.id).toBe(60_999_999); // unknown places after the named ones
    const rows = (await children({ locationId: 60_999_999 })).data.rows;
    expect(rows).toEqual([
      expect.objectContaining({
        itemId: 9_000_000_000_001,
        typeName: "Type 999999991",
        groupName: null,
        volume: null,
        childCount: 0,
      }),
    ]);
    await db.characterAsset.delete({
      where: { characterId_itemId: { characterId: BRANN, itemId: 9_000_000_000_001n } },
    });
    await hash("edited-2");
    expect((await locations()).locations.find((l) => l.id === 60_999_999)).toBeUndefined();
  });

  it("answers a malformed cursor with 400 and a character the caller may not view with 404", async () => {
    const { locations: list } = await locations();
    const bad = await children({ locationId: list[0]!.id, cursor: "not-a-cursor" });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/^Invalid input: cursor: /);
    const page = await children({ locationId: list[0]!.id, limit: 1 });
    if (page.data.nextCursor)
      expect((await children({ locationId: list[1]!.id, cursor: page.data.nextCursor })).status).toBe(400);
    for (const path of ["sheet.assets.locations", "sheet.assets.children", "sheet.assets.search"]) {
      expect((await env.call("stranger", path, { characterId: BRANN })).status).toBe(404);
    }
  });
});
