// The stored root location of every asset row (CharacterAsset.rootLocationId, kept by the
// triggers of migration 20261208225200_search_root_location_mail_order) equals what
// walking the row's stored parents gives, after the assets section writes a hangar in
// small chunks, moves a container between stations, moves an item from one container
// into a ship, drops a container whose contents stay, and removes a ship with its cargo;
// and after direct writes: children inserted before their parent, a parent deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { assets } from "~/server/sections/assets";
import type { AssetItem } from "~/server/sections/assets-tree";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { createTestDatabase, type TestDatabase } from "../support/database";

const PILOT = 2112000100;
const JITA = 60003760;
const AMARR = 60008494;
const DODIXIE = 60011866;

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await db.eveCharacter.create({ data: { id: PILOT, name: "Root Pilot" } });
  await db.character.create({ data: { id: PILOT } });
});
afterAll(async () => {
  await t?.drop();
});

const item = (itemId: number, locationId: number, extra: Partial<AssetItem> = {}): AssetItem => ({
  itemId,
  typeId: 34,
  quantity: 1,
  locationId,
  locationType: locationId < 1_000_000_000 ? "station" : "item",
  locationFlag: locationId < 1_000_000_000 ? "Hangar" : "Cargo",
  isSingleton: false,
  isBlueprintCopy: false,
  name: null,
  ...extra,
});

// Container 1e9+1 at Jita holds a box (+2) holding Tritanium (+3); a ship (+10) at Jita
// carries +11 and +12; +20 sits alone at Amarr.
const C = 1_000_000_001;
const BOX = 1_000_000_002;
const SHIP = 1_000_000_010;
const hangar = (): AssetItem[] => [
  item(C, JITA, { isSingleton: true }),
  item(BOX, C, { isSingleton: true }),
  item(1_000_000_003, BOX),
  item(SHIP, JITA, { isSingleton: true }),
  item(1_000_000_011, SHIP),
  item(1_000_000_012, SHIP),
  item(1_000_000_020, AMARR),
];

async function persist(items: AssetItem[]) {
  await db.$transaction((tx) =>
    assets.persist(
      { characterId: PILOT, tx, now: new Date(), settings: { ...DEFAULT_SECTION_SETTINGS, assetsChunkSize: 2 } },
      items,
    ),
  );
}

/** itemId -> [stored root, root by walking the stored parents], computed apart from the triggers. */
async function roots(): Promise<Map<number, [number | null, number | null]>> {
  const rows = await db.characterAsset.findMany({ where: { characterId: PILOT } });
  const byId = new Map(rows.map((r) => [r.itemId, r]));
  const walk = (itemId: bigint): number | null => {
    let row = byId.get(itemId)!;
    for (let depth = 0; depth < 20; depth++) {
      const parent = row.parentItemId === null ? undefined : byId.get(row.parentItemId);
      if (!parent || parent.itemId === row.itemId) break;
      row = parent;
    }
    return row.locationId === null ? null : Number(row.locationId);
  };
  return new Map(
    rows.map((r) => [
      Number(r.itemId),
      [r.rootLocationId === null ? null : Number(r.rootLocationId), walk(r.itemId)] as [number | null, number | null],
    ]),
  );
}

async function expectTrue(expected: Record<number, number | null>) {
  const found = await roots();
  for (const [itemId, [stored, walked]] of found) expect(stored, `item ${itemId}`).toBe(walked);
  expect(Object.fromEntries([...found].map(([id, [stored]]) => [id, stored]))).toEqual(expected);
}

describe("the stored root location of asset rows", () => {
  it("is the top-level item's location after the assets section writes a hangar in chunks of two", async () => {
    await persist(hangar());
    await expectTrue({
      [C]: JITA,
      [BOX]: JITA,
      1000000003: JITA,
      [SHIP]: JITA,
      1000000011: JITA,
      1000000012: JITA,
      1000000020: AMARR,
    });
  });

  it("follows a container moved to another station, down to the contents of its contents", async () => {
    const moved = hangar().map((i) => (i.itemId === C ? { ...i, locationId: DODIXIE } : i));
    await persist(moved);
    await expectTrue({
      [C]: DODIXIE,
      [BOX]: DODIXIE,
      1000000003: DODIXIE,
      [SHIP]: JITA,
      1000000011: JITA,
      1000000012: JITA,
      1000000020: AMARR,
    });
  });

  it("follows an item moved from a box into a ship, and a ship moved into a container", async () => {
    const list = hangar().map((i) => {
      if (i.itemId === C) return { ...i, locationId: DODIXIE };
      if (i.itemId === 1_000_000_003) return { ...i, locationId: SHIP };
      if (i.itemId === SHIP) return { ...i, locationId: 1_000_000_020, locationFlag: "Cargo" };
      return i;
    });
    // +20 becomes a container at Amarr holding the ship.
    await persist(list);
    await expectTrue({
      [C]: DODIXIE,
      [BOX]: DODIXIE,
      1000000003: AMARR,
      [SHIP]: AMARR,
      1000000011: AMARR,
      1000000012: AMARR,
      1000000020: AMARR,
    });
  });

  it("makes contents top-level when their container leaves the list, and forgets a removed ship's cargo", async () => {
    // The box is gone from ESI's list, its Tritanium still points at it: top-level at the box's id.
    const list = [
      item(C, DODIXIE, { isSingleton: true }),
      item(1_000_000_003, BOX),
      item(1_000_000_020, AMARR),
      item(1_000_000_030, C),
    ];
    await persist(list);
    await expectTrue({ [C]: DODIXIE, 1000000003: BOX, 1000000020: AMARR, 1000000030: DODIXIE });
  });

  it("holds for direct writes: children inserted before their parent, a parent deleted", async () => {
    const row = (itemId: number, parentItemId: number | null, locationId: number | null) => ({
      characterId: PILOT,
      itemId: BigInt(itemId),
      typeId: 34,
      quantity: 1,
      locationFlag: "Cargo",
      locationType: "item",
      isSingleton: false,
      parentItemId: parentItemId === null ? null : BigInt(parentItemId),
      locationId: locationId === null ? null : BigInt(locationId),
    });
    // Grandchild, child, then the parent at Jita, each its own statement; then one statement in reverse order.
    await db.characterAsset.create({ data: row(2_000_000_003, 2_000_000_002, null) });
    await db.characterAsset.create({ data: row(2_000_000_002, 2_000_000_001, null) });
    await db.characterAsset.create({ data: row(2_000_000_001, null, JITA) });
    await db.characterAsset.createMany({
      data: [
        row(3_000_000_003, 3_000_000_002, null),
        row(3_000_000_002, 3_000_000_001, null),
        row(3_000_000_001, null, AMARR),
      ],
    });
    const before = await roots();
    expect([2_000_000_003, 2_000_000_002, 3_000_000_003, 3_000_000_002].map((id) => before.get(id)?.[0])).toEqual([
      JITA,
      JITA,
      AMARR,
      AMARR,
    ]);
    // The middle one goes: its child has no stored parent and no location of its own.
    await db.characterAsset.delete({ where: { characterId_itemId: { characterId: PILOT, itemId: 2_000_000_002n } } });
    const after = await roots();
    expect(after.get(2_000_000_003)).toEqual([null, null]);
    expect(after.get(2_000_000_001)).toEqual([JITA, JITA]);
    for (const [itemId, [stored, walked]] of after) expect(stored, `item ${itemId}`).toBe(walked);
    // A direct write of the column itself does not stick: it is derived.
    await db.characterAsset.update({
      where: { characterId_itemId: { characterId: PILOT, itemId: 3_000_000_003n } },
      data: { rootLocationId: 1n },
    });
    expect((await roots()).get(3_000_000_003)).toEqual([AMARR, AMARR]);
  });
});
