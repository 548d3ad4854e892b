// Turns ESI's flat asset list into a tree: an item whose location_id is another
// item of the list hangs under it (contents of containers, fitted modules, cargo);
// every other item is top-level and keeps its location (station, structure,
// solar system). Rows come out parents first, so any chunk boundary leaves no
// child inserted before its parent.

export interface AssetItem {
  itemId: number;
  typeId: number;
  quantity: number;
  locationId: number;
  locationType: string;
  locationFlag: string;
  isSingleton: boolean;
  isBlueprintCopy: boolean;
  name: string | null;
}

export interface AssetRow extends Omit<AssetItem, "itemId" | "locationId"> {
  itemId: bigint;
  parentItemId: bigint | null;
  /** Set on top-level items only. */
  locationId: bigint | null;
}

export interface AssetTree {
  rows: AssetRow[];
  /** Distinct locations of the top-level items. */
  locationIds: bigint[];
}

export function buildAssetTree(items: readonly AssetItem[]): AssetTree {
  const byId = new Map<number, AssetItem>();
  // ESI lists occasionally repeat an item; the first occurrence wins.
  for (const item of items) if (!byId.has(item.itemId)) byId.set(item.itemId, item);
  const children = new Map<number, AssetItem[]>();
  const roots: AssetItem[] = [];
  for (const item of byId.values()) {
    if (item.locationId !== item.itemId && byId.has(item.locationId)) {
      const siblings = children.get(item.locationId);
      if (siblings) siblings.push(item);
      else children.set(item.locationId, [item]);
    } else {
      roots.push(item);
    }
  }

  const rows: AssetRow[] = [];
  const placed = new Set<number>();
  const locationIds = new Set<bigint>();
  const place = (item: AssetItem, parent: number | null) => {
    placed.add(item.itemId);
    const locationId = parent === null ? BigInt(item.locationId) : null;
    if (locationId !== null) locationIds.add(locationId);
    rows.push({
      ...item,
      itemId: BigInt(item.itemId),
      parentItemId: parent === null ? null : BigInt(parent),
      locationId,
    });
  };
  const breadthFirst = (start: AssetItem[]) => {
    let level = start;
    while (level.length > 0) {
      const next: AssetItem[] = [];
      for (const parent of level)
        for (const child of children.get(parent.itemId) ?? []) {
          if (placed.has(child.itemId)) continue;
          place(child, parent.itemId);
          next.push(child);
        }
      level = next;
    }
  };
  for (const root of roots) place(root, null);
  breadthFirst(roots);
  // Items pointing at each other in a loop have no root; ESI should never send that,
  // but rather than lose them each loop is cut at one item, which becomes top-level.
  for (const item of byId.values()) {
    if (placed.has(item.itemId)) continue;
    place(item, null);
    breadthFirst([item]);
  }
  return { rows, locationIds: [...locationIds] };
}

export function chunked<T>(list: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += step) out.push(list.slice(i, i + step));
  return out;
}
