// Planets tab: the character's colonies with planet, system and region names.
import type { Db } from "~/server/db/client";
import { entityNames, placeName, placeNames } from "./name-lookups";

export interface ColonyRow {
  planetId: number;
  planetName: string;
  planetType: string;
  solarSystemId: number;
  solarSystemName: string;
  numPins: number;
  upgradeLevel: number;
  lastUpdate: Date;
}

export async function planetsSheet(db: Db, characterId: number): Promise<ColonyRow[]> {
  const rows = await db.characterPlanet.findMany({
    where: { characterId },
    orderBy: [{ solarSystemId: "asc" }, { planetId: "asc" }],
  });
  const [planets, systems] = await Promise.all([
    entityNames(
      db,
      rows.map((r) => r.planetId),
    ),
    placeNames(
      db,
      rows.map((r) => r.solarSystemId),
    ),
  ]);
  return rows.map((r) => ({
    planetId: r.planetId,
    planetName: planets.get(r.planetId)!,
    planetType: r.planetType,
    solarSystemId: r.solarSystemId,
    solarSystemName: placeName(systems, r.solarSystemId)!,
    numPins: r.numPins,
    upgradeLevel: r.upgradeLevel,
    lastUpdate: r.lastUpdate,
  }));
}
