// The shared location table: stations, Upwell structures and solar systems by id,
// used by every section that reports where something is. Rows are fetched when
// unknown and refreshed after 24 h (structures get renamed). A structure the
// character may not see (403) becomes a placeholder row rather than an error, so a
// section never fails over a name; any other failure keeps what is stored.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import {
  EsiError,
  EsiMissingScopeError,
  EsiNoTokenError,
  EsiRateLimitedError,
  EsiTokenInvalidError,
  type EsiClient,
} from "~/server/esi/client";
import { errorField, logger } from "~/server/logging/logger";

export const LOCATION_STALE_MS = 24 * 60 * 60 * 1000;
/** Parallel ESI look-ups per call: enough to hide latency without hogging the error budget. */
const CONCURRENCY = 4;

export type LocationCategory = "station" | "structure" | "solar_system" | "unknown";

/** Special ids Member Audit knows without asking ESI. */
const ASSET_SAFETY_ID = 2004n;
const ASSET_SAFETY_TYPE_ID = 60;
const UNKNOWN_LOCATION_ID = 888n;

export function locationCategory(id: bigint): LocationCategory {
  if (id >= 30_000_000n && id <= 33_000_000n) return "solar_system";
  if (id >= 60_000_000n && id <= 64_000_000n) return "station";
  if (id >= 1_000_000_000_000n) return "structure";
  return "unknown";
}

type LocationRow = Omit<Prisma.LocationCreateInput, "updatedAt">;

/** What one look-up produced: real data or a placeholder (no access, or an id ESI cannot resolve). */
type Lookup = { kind: "data"; row: LocationRow } | { kind: "placeholder"; row: LocationRow };

function placeholder(id: bigint, category: LocationCategory, name: string): Lookup {
  return {
    kind: "placeholder",
    row: { id, name, category, isPlaceholder: true, solarSystemId: null, typeId: null, ownerId: null },
  };
}

/** No access: ESI's 401/403, or a token that cannot ask at all (Member Audit leaves an empty location then too). */
function isNoAccess(error: unknown): boolean {
  if (error instanceof EsiError) return error.status === 401 || error.status === 403;
  return (
    error instanceof EsiMissingScopeError || error instanceof EsiNoTokenError || error instanceof EsiTokenInvalidError
  );
}

async function lookup(esi: EsiClient, characterId: number, id: bigint): Promise<Lookup> {
  const category = locationCategory(id);
  const numeric = Number(id);
  switch (category) {
    case "station": {
      const s = await esi.getData("/universe/stations/{station_id}", { path: { station_id: numeric } });
      return {
        kind: "data",
        row: {
          id,
          name: s.name,
          category,
          isPlaceholder: false,
          solarSystemId: s.system_id,
          typeId: s.type_id,
          ownerId: s.owner ?? null,
        },
      };
    }
    case "solar_system": {
      const s = await esi.getData("/universe/systems/{system_id}", { path: { system_id: numeric } });
      return {
        kind: "data",
        row: {
          id,
          name: s.name,
          category,
          isPlaceholder: false,
          solarSystemId: s.system_id,
          typeId: null,
          ownerId: null,
        },
      };
    }
    case "structure":
      try {
        const s = await esi.getData("/universe/structures/{structure_id}", {
          path: { structure_id: numeric },
          characterId,
        });
        return {
          kind: "data",
          row: {
            id,
            name: s.name,
            category,
            isPlaceholder: false,
            solarSystemId: s.solar_system_id,
            typeId: s.type_id ?? null,
            ownerId: s.owner_id,
          },
        };
      } catch (error) {
        if (isNoAccess(error)) return placeholder(id, category, `Unknown structure ${id}`);
        throw error;
      }
    default:
      if (id === ASSET_SAFETY_ID) {
        return {
          kind: "data",
          row: {
            id,
            name: "ASSET SAFETY",
            category,
            isPlaceholder: false,
            solarSystemId: null,
            typeId: ASSET_SAFETY_TYPE_ID,
            ownerId: null,
          },
        };
      }
      if (id === UNKNOWN_LOCATION_ID) return placeholder(id, category, "Location unknown");
      return placeholder(id, category, `Unknown location ${id}`);
  }
}

/**
 * Makes sure every id has a fresh Location row. `characterId` is whose token asks
 * for structures. Returns the rows written.
 */
export async function resolveLocations(
  deps: { db: Db; esi: EsiClient },
  characterId: number,
  ids: bigint[],
): Promise<number> {
  const { db, esi } = deps;
  const unique = [...new Set(ids)];
  if (unique.length === 0) return 0;
  const staleBefore = new Date(Date.now() - LOCATION_STALE_MS);
  const stored = await db.location.findMany({
    where: { id: { in: unique } },
    select: { id: true, updatedAt: true, isPlaceholder: true },
  });
  const byId = new Map(stored.map((row) => [row.id, row]));
  const due = unique.filter((id) => {
    const row = byId.get(id);
    return !row || row.updatedAt < staleBefore;
  });

  let written = 0;
  let next = 0;
  let paused = false;
  const worker = async () => {
    while (!paused && next < due.length) {
      const id = due[next++] as bigint;
      let found: Lookup;
      try {
        found = await lookup(esi, characterId, id);
      } catch (error) {
        // A limit pause would fail every following request too; the caller decides when to come back.
        if (error instanceof EsiRateLimitedError) {
          paused = true;
          throw error;
        }
        logger().warn({ locationId: id, err: errorField(error) }, `location ${id} could not be resolved`);
        continue;
      }
      const existing = byId.get(id);
      // Another character may have resolved the structure; one pilot's lack of access must not erase it.
      if (found.kind === "placeholder" && existing && !existing.isPlaceholder) continue;
      const { id: _id, ...fields } = found.row;
      await db.location.upsert({ where: { id }, create: found.row, update: fields });
      written += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  return written;
}
