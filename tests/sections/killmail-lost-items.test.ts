// What a killmail's victim lost, as the killmails section stores it for valuing losses.
import { describe, expect, it } from "vitest";
import { lostItems } from "~/server/sections/killmails";

describe("lostItems", () => {
  it("sums destroyed and dropped quantities per type, container contents included, in type order", () => {
    const items = [
      { item_type_id: 3001, quantity_destroyed: 1, flag: 27, singleton: 0 },
      { item_type_id: 2001, quantity_dropped: 2, flag: 5, singleton: 0 },
      {
        item_type_id: 3467,
        quantity_destroyed: 1,
        flag: 5,
        singleton: 0,
        items: [
          { item_type_id: 3001, quantity_dropped: 4, flag: 0, singleton: 0 },
          { item_type_id: 34, quantity_destroyed: 1000, quantity_dropped: 500, flag: 0, singleton: 0 },
        ],
      },
    ];
    expect(lostItems(items)).toEqual([
      { typeId: 34, quantity: 1500 },
      { typeId: 2001, quantity: 2 },
      { typeId: 3001, quantity: 5 },
      { typeId: 3467, quantity: 1 },
    ]);
  });

  it("is empty for a killmail without items and skips entries that lost nothing", () => {
    expect(lostItems(undefined)).toEqual([]);
    expect(lostItems([{ item_type_id: 1, quantity_destroyed: 0 }])).toEqual([]);
  });
});
