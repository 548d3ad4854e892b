// The 1:1 sections fed by the simulator's "location" data: location, ship, online_status.
import { expect, it } from "vitest";
import { currentLocationId, location } from "~/server/sections/location";
import { onlineStatus } from "~/server/sections/online-status";
import { ship } from "~/server/sections/ship";
import { characterSection } from "~/simulator/data";
import { iso, isoOf } from "../support/iso-dates";
import { sectionSuite } from "../support/section-suite";

const simLocation = (id: number) => characterSection(id, "location")!;
const LOCATED = 2112000002;

const env = sectionSuite(
  [
    {
      section: location,
      character: LOCATED,
      route: "/characters/{character_id}/location",
      mutation: "location",
      async stored(db, characterId) {
        const row = await db.characterLocation.findUnique({ where: { characterId } });
        return (
          row && {
            system: row.solarSystemId,
            station: row.stationId,
            structure: row.structureId,
            location: row.locationId,
          }
        );
      },
      expected(characterId) {
        const body = simLocation(characterId).location;
        return {
          system: body.solar_system_id,
          station: body.station_id ?? null,
          structure: body.structure_id === undefined ? null : BigInt(body.structure_id),
          location: BigInt(currentLocationId(body)),
        };
      },
    },
    {
      section: ship,
      character: 2112000003,
      route: "/characters/{character_id}/ship",
      mutation: "location",
      async stored(db, characterId) {
        const row = await db.characterShip.findUnique({ where: { characterId } });
        return row && { typeId: row.typeId, itemId: row.itemId, name: row.name };
      },
      expected(characterId) {
        const body = simLocation(characterId).ship;
        return { typeId: body.ship_type_id, itemId: BigInt(body.ship_item_id), name: body.ship_name };
      },
    },
    {
      section: onlineStatus,
      character: 2112000004,
      route: "/characters/{character_id}/online",
      mutation: "location",
      async stored(db, characterId) {
        const row = await db.characterOnlineStatus.findUnique({ where: { characterId } });
        return row && { lastLogin: iso(row.lastLogin), lastLogout: iso(row.lastLogout), logins: row.logins };
      },
      expected(characterId) {
        const body = simLocation(characterId).online;
        return { lastLogin: isoOf(body.last_login), lastLogout: isoOf(body.last_logout), logins: body.logins ?? null };
      },
    },
  ],
  { resolveLocations: true },
);

it("resolves the reported location and its solar system into the shared table", async () => {
  const db = env.db;
  const stored = await db.characterLocation.findUniqueOrThrow({ where: { characterId: LOCATED } });
  const rows = await db.location.findMany({ where: { id: { in: [stored.locationId, BigInt(stored.solarSystemId)] } } });
  expect(rows.map((r) => r.id).sort()).toEqual([...new Set([stored.locationId, BigInt(stored.solarSystemId)])].sort());
  expect(rows.every((r) => r.name.length > 0)).toBe(true);
});
