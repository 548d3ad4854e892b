// Killmails tab: the character's kills and losses newest first (paged). A loss is a
// killmail whose victim is the character. Its value is what the victim lost at CCP's
// average prices: the hull plus fitting, cargo and container contents (types without a
// price count nothing; killmails stored before items were kept count the hull only).
import type { CharacterKillmail } from "@prisma/client";
import { z } from "zod";
import type { Db } from "~/server/db/client";
import type { LostItem } from "~/server/sections/killmails";
import { averagePrices } from "~/server/universe/market-prices";
import { entityNames, placeName, placeNames, typeNames } from "./name-lookups";
import { bigintId, decodeCursor, encodeCursor, isoDate, pageInput } from "~/server/paging/cursor";

export const killmailsInput = z.object({ ...pageInput, kind: z.enum(["all", "kills", "losses"]).default("all") });
export type KillmailsInput = z.input<typeof killmailsInput>;

export interface KillmailRow {
  killmailId: string;
  killmailHash: string;
  time: Date;
  isLoss: boolean;
  solarSystemId: number;
  solarSystemName: string;
  victimId: number | null;
  victimName: string | null;
  shipTypeId: number;
  shipTypeName: string;
  attackerCount: number;
  finalBlowId: number | null;
  finalBlowName: string | null;
  /** The victim ship's average price, when known. */
  shipValue: number | null;
  /** Hull plus lost items at average prices; null when nothing of it has a price. */
  value: number | null;
  /** False for killmails stored before their items were kept: value is the hull's only. */
  valueIncludesItems: boolean;
}

/** The hull and what the victim lost (the killmails section stores the list; null before items were kept). */
function lostWith(k: CharacterKillmail): LostItem[] {
  return [{ typeId: k.victimShipTypeId, quantity: 1 }, ...((k.victimItems as LostItem[] | null) ?? [])];
}

function lossValue(lost: LostItem[], prices: Map<number, number>): number | null {
  const priced = lost.filter((i) => prices.has(i.typeId));
  return priced.length === 0 ? null : priced.reduce((sum, i) => sum + i.quantity * prices.get(i.typeId)!, 0);
}

const cursorShape = z.tuple([isoDate, bigintId]);

export async function killmailsPage(
  db: Db,
  characterId: number,
  input: KillmailsInput = {},
): Promise<{ rows: KillmailRow[]; nextCursor: string | null }> {
  const { cursor, limit, kind } = killmailsInput.parse(input);
  const after = cursor ? decodeCursor(cursor, cursorShape) : null;
  // "Not the victim" must keep NULL victims (structures, NPCs): SQL's <> drops them.
  const side =
    kind === "losses"
      ? { victimCharacterId: characterId }
      : kind === "kills"
        ? { OR: [{ victimCharacterId: null }, { victimCharacterId: { not: characterId } }] }
        : {};
  const keyset = after
    ? {
        OR: [
          { killmailTime: { lt: new Date(after[0]) } },
          { killmailTime: new Date(after[0]), killmailId: { lt: BigInt(after[1]) } },
        ],
      }
    : {};
  const found = await db.characterKillmail.findMany({
    where: { characterId, AND: [side, keyset] },
    orderBy: [{ killmailTime: "desc" }, { killmailId: "desc" }],
    take: limit + 1,
  });
  const page = found.slice(0, limit);
  const [types, systems, names, prices] = await Promise.all([
    typeNames(
      db,
      page.map((k) => k.victimShipTypeId),
    ),
    placeNames(
      db,
      page.map((k) => k.solarSystemId),
    ),
    entityNames(
      db,
      page.flatMap((k) => [k.victimCharacterId, k.finalBlowCharacterId]),
    ),
    averagePrices(
      db,
      page.flatMap((k) => lostWith(k).map((i) => i.typeId)),
    ),
  ]);
  const rows = page.map((k) => ({
    killmailId: k.killmailId.toString(),
    killmailHash: k.killmailHash,
    time: k.killmailTime,
    isLoss: k.victimCharacterId === characterId,
    solarSystemId: k.solarSystemId,
    solarSystemName: placeName(systems, k.solarSystemId)!,
    victimId: k.victimCharacterId,
    victimName: k.victimCharacterId === null ? null : names.get(k.victimCharacterId)!,
    shipTypeId: k.victimShipTypeId,
    shipTypeName: types.get(k.victimShipTypeId)!.name,
    attackerCount: k.attackerCount,
    finalBlowId: k.finalBlowCharacterId,
    finalBlowName: k.finalBlowCharacterId === null ? null : names.get(k.finalBlowCharacterId)!,
    shipValue: prices.get(k.victimShipTypeId) ?? null,
    value: lossValue(lostWith(k), prices),
    valueIncludesItems: k.victimItems !== null,
  }));
  const last = page.at(-1);
  return {
    rows,
    nextCursor:
      found.length > limit && last ? encodeCursor([last.killmailTime.toISOString(), last.killmailId.toString()]) : null,
  };
}
