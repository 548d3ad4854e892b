// npc.json: factions with their station counts, the races and bloodlines ESI lists,
// NPC corporations, and the agents in the extract's stations.
import { definedOnly, en, entries, num, type SdePackage, type Yaml } from "./values";

export async function buildNpc(
  sde: SdePackage,
  names: Map<number, string>,
  stationIds: Set<number>,
  allStations: Yaml[],
) {
  const [factions, races, bloodlines, corporations, agents] = await Promise.all(
    ["factions", "races", "bloodlines", "npcCorporations", "agents"].map((name) => sde.raw("fsd", name)),
  );
  const corpRows = entries(corporations)
    .filter(([, c]) => c.deleted !== true)
    .map(([id, c]) =>
      definedOnly({
        id,
        name: en(c.nameID),
        ticker: String(c.tickerName ?? ""),
        factionId: num(c.factionID),
        stationId: num(c.stationID),
        ceoId: num(c.ceoID),
        taxRate: num(c.taxRate),
      }),
    );
  const factionOfCorp = new Map(corpRows.map((c) => [c.id, c.factionId]));
  // ESI counts a faction's stations over the whole cluster, not just the extract.
  const stationCount = new Map<number, { stations: number; systems: Set<number> }>();
  for (const s of allStations) {
    const faction = factionOfCorp.get(num(s.corporationID) ?? 0);
    if (faction === undefined) continue;
    const entry = stationCount.get(faction) ?? { stations: 0, systems: new Set<number>() };
    entry.stations += 1;
    entry.systems.add(num(s.solarSystemID) ?? 0);
    stationCount.set(faction, entry);
  }
  const factionRows = entries(factions).map(([id, f]) =>
    definedOnly({
      id,
      name: en(f.nameID),
      description: en(f.descriptionID),
      corporationId: num(f.corporationID),
      militiaCorporationId: num(f.militiaCorporationID),
      systemId: num(f.solarSystemID),
      sizeFactor: num(f.sizeFactor) ?? 0,
      isUnique: f.uniqueName === true,
      memberRaces: Array.isArray(f.memberRaces) ? (f.memberRaces as number[]) : [],
      stationCount: stationCount.get(id)?.stations ?? 0,
      stationSystemCount: stationCount.get(id)?.systems.size ?? 0,
    }),
  );
  // Races as ESI lists them: the ones a faction speaks for.
  const raceFaction = new Map<number, number>();
  for (const f of factionRows)
    for (const r of f.memberRaces) if (!raceFaction.has(r) && f.isUnique) raceFaction.set(r, f.id);
  const raceRows = entries(races)
    .filter(([id]) => raceFaction.has(id) && id <= 16)
    .map(([id, r]) => ({
      id,
      name: en(r.nameID),
      description: en(r.descriptionID),
      factionId: raceFaction.get(id) ?? 0,
      shipTypeId: num(r.shipTypeID) ?? 0,
    }));
  const raceShip = new Map(raceRows.map((r) => [r.id, r.shipTypeId]));
  const bloodlineRows = entries(bloodlines)
    .filter(([, b]) => raceShip.has(num(b.raceID) ?? 0))
    .map(([id, b]) => ({
      id,
      name: en(b.nameID),
      description: en(b.descriptionID),
      raceId: num(b.raceID) ?? 0,
      corporationId: num(b.corporationID) ?? 0,
      shipTypeId: raceShip.get(num(b.raceID) ?? 0) ?? 0,
      charisma: num(b.charisma) ?? 0,
      intelligence: num(b.intelligence) ?? 0,
      memory: num(b.memory) ?? 0,
      perception: num(b.perception) ?? 0,
      willpower: num(b.willpower) ?? 0,
    }));
  const agentRows = entries(agents)
    .filter(([id, a]) => stationIds.has(num(a.locationID) ?? 0) && names.has(id))
    .map(([id, a]) => ({
      id,
      name: names.get(id) ?? "",
      corporationId: num(a.corporationID) ?? 0,
      stationId: num(a.locationID) ?? 0,
      level: num(a.level) ?? 1,
    }));
  return {
    factions: factionRows.map(({ memberRaces: _, ...f }) => f),
    races: raceRows,
    bloodlines: bloodlineRows,
    corporations: corpRows,
    agents: agentRows,
  };
}
