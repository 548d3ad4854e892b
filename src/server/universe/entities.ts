// The shared EVE entity table: ids of characters, corporations, alliances, factions,
// types and the like, resolved to names through POST /universe/names. ESI refuses a
// whole batch when one id cannot be named, so a refused batch is split in halves to
// find the bad ids, within a small budget of failed requests (they count against
// ESI's error limit), and ids found bad are not asked about again by this process.
import type { Db } from "~/server/db/client";
import { insertRows } from "~/server/db/insert-rows";
import { type EsiClient, EsiError } from "~/server/esi/client";
import type { EsiSuccessBody } from "~/server/esi/types";

const NAMES_BATCH = 1000; // ESI's maximum ids per request
const MAX_FAILED_REQUESTS = 8;
const unresolvable = new Set<number>();

export async function resolveEntityNames(deps: { db: Db; esi: EsiClient }, ids: number[]): Promise<number> {
  const wanted = [...new Set(ids)].filter((id) => !unresolvable.has(id));
  if (wanted.length === 0) return 0;
  const known = new Set(
    (await deps.db.eveEntity.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((e) => e.id),
  );
  const missing = wanted.filter((id) => !known.has(id));
  let failures = 0;
  let stored = 0;

  async function resolve(batch: number[]): Promise<void> {
    if (batch.length === 0) return;
    let names: EsiSuccessBody<"post", "/universe/names">;
    try {
      names = await deps.esi.post("/universe/names", { body: batch });
    } catch (error) {
      if (!(error instanceof EsiError) || error.status !== 404 || ++failures > MAX_FAILED_REQUESTS) throw error;
      if (batch.length === 1) {
        unresolvable.add(batch[0]!);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await resolve(batch.slice(0, half));
      await resolve(batch.slice(half));
      return;
    }
    const rows = names.map((n) => ({ id: n.id, category: n.category, name: n.name }));
    stored += (
      await insertRows(deps.db, "EveEntity", {
        data: rows,
        update: { on: ["id"], set: ["category", "name", "updatedAt"] },
      })
    ).count;
  }

  for (let i = 0; i < missing.length; i += NAMES_BATCH) await resolve(missing.slice(i, i + NAMES_BATCH));
  return stored;
}
