// killmails: the character's recent kills and losses (every page of the list),
// each summarised from its public details. Details never change, so they are
// fetched once per killmail: ids already stored (for any character; a kill
// shared by two audited characters is asked for once) are summarised from the
// database. Building the data from stored and fetched summaries alike keeps its
// content hash stable, so an unchanged list writes nothing. Only new ids are added;
// killmails that leave ESI's 90-day list stay.
import type { Prisma } from "@prisma/client";
import { EsiError } from "~/server/esi/client";
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Detail = EsiSuccessBody<"get", "/killmails/{killmail_id}/{killmail_hash}">;

/** A type the victim lost and how many (destroyed plus dropped). */
export interface LostItem {
  typeId: number;
  quantity: number;
}

export interface KillmailSummary {
  killmailId: number;
  hash: string;
  /** ISO time, so stored and fetched summaries serialise alike. */
  time: string;
  solarSystemId: number;
  victimCharacterId: number | null;
  victimShipTypeId: number;
  attackerCount: number;
  finalBlowCharacterId: number | null;
  /** Summed per type and sorted, so equal losses serialise alike; null when stored before items were kept. */
  victimItems: LostItem[] | null;
}

interface DetailItem {
  item_type_id: number;
  quantity_destroyed?: number;
  quantity_dropped?: number;
  items?: DetailItem[];
}

/** The fitting, cargo and container contents the victim lost, summed per type. */
export function lostItems(items: readonly DetailItem[] | undefined): LostItem[] {
  const byType = new Map<number, number>();
  const add = (list: readonly DetailItem[]) => {
    for (const item of list) {
      const quantity = (item.quantity_destroyed ?? 0) + (item.quantity_dropped ?? 0);
      if (quantity > 0) byType.set(item.item_type_id, (byType.get(item.item_type_id) ?? 0) + quantity);
      if (item.items) add(item.items);
    }
  };
  add(items ?? []);
  return [...byType].sort(([a], [b]) => a - b).map(([typeId, quantity]) => ({ typeId, quantity }));
}

/** Public detail requests in flight per update: enough to hide latency, gentle on the error budget. */
const DETAIL_CONCURRENCY = 8;

function summarise(hash: string, d: Detail): KillmailSummary {
  return {
    killmailId: d.killmail_id,
    hash,
    time: new Date(d.killmail_time).toISOString(),
    solarSystemId: d.solar_system_id,
    victimCharacterId: d.victim.character_id ?? null,
    victimShipTypeId: d.victim.ship_type_id,
    attackerCount: d.attackers.length,
    finalBlowCharacterId: d.attackers.find((a) => a.final_blow)?.character_id ?? null,
    victimItems: lostItems(d.victim.items),
  };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export const killmails = defineSection<KillmailSummary[]>({
  name: "killmails",
  label: "Killmails",
  routes: ["GET /characters/{character_id}/killmails/recent", "GET /killmails/{killmail_id}/{killmail_hash}"],
  // Fields read per route (docs/esi-client.md, "Tolerance"). Details: only what the summary keeps; positions, damage and attackers' security status are not stored.
  reads: {
    "GET /characters/{character_id}/killmails/recent": ["killmail_id", "killmail_hash"],
    "GET /killmails/{killmail_id}/{killmail_hash}": [
      "killmail_id",
      "killmail_time",
      "solar_system_id",
      "victim",
      "victim.character_id",
      "victim.ship_type_id",
      "victim.items.item_type_id",
      "victim.items.quantity_destroyed",
      "victim.items.quantity_dropped",
      "victim.items.items.item_type_id",
      "victim.items.items.quantity_destroyed",
      "victim.items.items.quantity_dropped",
      "attackers",
      "attackers.character_id",
      "attackers.final_blow",
    ],
  },
  scopes: ["esi-killmails.read_killmails.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "append",
  extra: true,
  async fetch({ esi, db, characterId, cache, force, part }) {
    const recent = await esi.getPages("/characters/{character_id}/killmails/recent", {
      path: { character_id: characterId },
      cache,
      force,
    });
    if (recent.status === "unchanged") return recent;
    const refs = [...new Map(recent.data.map((r) => [r.killmail_id, r])).values()];
    const stored = await db.characterKillmail.findMany({
      where: { killmailId: { in: refs.map((r) => BigInt(r.killmail_id)) } },
      distinct: ["killmailId"],
    });
    const known = new Map<number, KillmailSummary>(
      stored.map((k) => [
        Number(k.killmailId),
        {
          killmailId: Number(k.killmailId),
          hash: k.killmailHash,
          time: k.killmailTime.toISOString(),
          solarSystemId: k.solarSystemId,
          victimCharacterId: k.victimCharacterId,
          victimShipTypeId: k.victimShipTypeId,
          attackerCount: k.attackerCount,
          finalBlowCharacterId: k.finalBlowCharacterId,
          victimItems: k.victimItems as LostItem[] | null,
        },
      ]),
    );
    const missing = refs.filter((r) => !known.has(r.killmail_id));
    // Each detail is a part: one that fails is left out and named, the others are kept.
    const fetched = await mapLimit(missing, DETAIL_CONCURRENCY, (r) =>
      part(`killmail ${r.killmail_id}`, async () => {
        try {
          return summarise(
            r.killmail_hash,
            await esi.getData("/killmails/{killmail_id}/{killmail_hash}", {
              path: { killmail_id: r.killmail_id, killmail_hash: r.killmail_hash },
            }),
          );
        } catch (error) {
          // A killmail ESI rejects for good (bad id/hash) must not block the others forever;
          // it is left out and asked for again whenever the list changes.
          if (error instanceof EsiError && (error.status === 404 || error.status === 422)) return null;
          throw error;
        }
      }),
    );
    for (const [i, s] of fetched.entries()) if (s) known.set(missing[i]!.killmail_id, s);
    const data = refs.flatMap((r) => known.get(r.killmail_id) ?? []).sort((a, b) => b.killmailId - a.killmailId);
    // A failed detail is asked again only if the list is read again: keep no ETag then.
    const complete = fetched.every((s) => s !== undefined);
    return { status: "ok", data, cache: complete ? recent.cache : null };
  },
  async persist({ tx, characterId }, list) {
    const created = await insertRows(tx, "CharacterKillmail", {
      data: list.map((k) => ({
        characterId,
        killmailId: BigInt(k.killmailId),
        killmailHash: k.hash,
        killmailTime: new Date(k.time),
        solarSystemId: k.solarSystemId,
        victimCharacterId: k.victimCharacterId,
        victimShipTypeId: k.victimShipTypeId,
        attackerCount: k.attackerCount,
        finalBlowCharacterId: k.finalBlowCharacterId,
        victimItems: (k.victimItems ?? undefined) as Prisma.InputJsonValue | undefined,
      })),
      skipDuplicates: true,
    });
    const entityIds = list
      .flatMap((k) => [k.victimCharacterId, k.finalBlowCharacterId])
      .filter((id): id is number => id !== null);
    return { written: created.count, entityIds };
  },
});
