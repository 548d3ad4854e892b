// New Eden's peoples from the extract: factions, races and bloodlines, each
// answered as one list.
import { sdeBloodlines, sdeFactions, sdeRaces } from "../../sde";
import type { EsiRoute } from "../route";

export const npcRoutes: readonly EsiRoute[] = [
  {
    method: "GET",
    path: "/universe/factions",
    cacheSeconds: 0,
    handler: () =>
      sdeFactions().map((f) => ({
        faction_id: f.id,
        name: f.name,
        description: f.description,
        ...(f.corporationId === undefined ? {} : { corporation_id: f.corporationId }),
        ...(f.militiaCorporationId === undefined ? {} : { militia_corporation_id: f.militiaCorporationId }),
        ...(f.systemId === undefined ? {} : { solar_system_id: f.systemId }),
        size_factor: f.sizeFactor,
        is_unique: f.isUnique,
        station_count: f.stationCount,
        station_system_count: f.stationSystemCount,
      })),
  },
  {
    method: "GET",
    path: "/universe/races",
    cacheSeconds: 0,
    handler: () =>
      sdeRaces().map((r) => ({ race_id: r.id, name: r.name, description: r.description, alliance_id: r.factionId })),
  },
  {
    method: "GET",
    path: "/universe/bloodlines",
    cacheSeconds: 0,
    handler: () =>
      sdeBloodlines().map((b) => ({
        bloodline_id: b.id,
        name: b.name,
        description: b.description,
        race_id: b.raceId,
        corporation_id: b.corporationId,
        ship_type_id: b.shipTypeId,
        charisma: b.charisma,
        intelligence: b.intelligence,
        memory: b.memory,
        perception: b.perception,
        willpower: b.willpower,
      })),
  },
];
