// Keyset cursors for the assets tab's lists (a level of the tree, search results):
// the sort key and item id of the last row sent, plus the list they belong to, so a
// cursor replayed against another container or query is refused rather than
// silently skipping rows. Opaque to clients (base64url JSON).

export class InvalidAssetCursorError extends Error {
  constructor() {
    super("The cursor is malformed or belongs to another list; start again from the first page.");
  }
}

export interface AssetCursor {
  /** Lower-cased display name of the last row sent. */
  sortKey: string;
  itemId: bigint;
}

export function encodeAssetCursor(cursor: AssetCursor, list: string): string {
  return Buffer.from(JSON.stringify({ k: cursor.sortKey, i: cursor.itemId.toString(), l: list })).toString("base64url");
}

export function decodeAssetCursor(raw: string, list: string): AssetCursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as { k?: unknown; i?: unknown; l?: unknown };
    if (typeof parsed.k === "string" && typeof parsed.i === "string" && /^\d{1,19}$/.test(parsed.i) && parsed.l === list) {
      return { sortKey: parsed.k, itemId: BigInt(parsed.i) };
    }
  } catch {
    // fall through
  }
  throw new InvalidAssetCursorError();
}
