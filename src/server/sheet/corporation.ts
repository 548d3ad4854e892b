// Corporation tab: corporation history (newest first, with end dates and durations),
// titles, corporation roles (only stored when the roles feature is on) and faction
// warfare statistics.
import type { Db } from "~/server/db/client";
import { entityNames } from "./name-lookups";

/** EVE's faction warfare rank names, index = rank (0-9), per militia faction. */
const FW_RANKS: Record<number, readonly string[]> = {
  500001: [
    "Protectorate Ensign",
    "Second Lieutenant",
    "First Lieutenant",
    "Captain",
    "Major",
    "Lieutenant Colonel",
    "Colonel",
    "Wing Commander",
    "Strike Commander",
    "Brigadier General",
  ],
  500002: [
    "Nation Warrior",
    "Spike Lieutenant",
    "Spear Lieutenant",
    "Venge Captain",
    "Lance Commander",
    "Blade Commander",
    "Talon Commander",
    "Voshud Major",
    "Matar Colonel",
    "Valklear General",
  ],
  500003: [
    "Paladin Crusader",
    "Templar Lieutenant",
    "Cardinal Lieutenant",
    "Arch Lieutenant",
    "Imperial Major",
    "Marshal Commander",
    "Imperial Commander",
    "Grand Commander",
    "Lord Commander",
    "Savior of the Realm",
  ],
  500004: [
    "Federation Minuteman",
    "Defender Lieutenant",
    "Guardian Lieutenant",
    "Lieutenant Sentinel",
    "Shield Commander",
    "Aegis Commander",
    "Vice Commander",
    "Major General",
    "Lieutenant General",
    "Luminaire General",
  ],
};

export function fwRankName(factionId: number | null, rank: number | null): string | null {
  if (rank === null) return null;
  return (factionId !== null ? FW_RANKS[factionId]?.[rank] : undefined) ?? `Rank ${rank}`;
}

export interface CorporationHistoryRow {
  recordId: number;
  corporationId: number;
  corporationName: string;
  startDate: Date;
  /** Start of the next membership; null for the current corporation. */
  endDate: Date | null;
  durationDays: number;
  isDeleted: boolean;
}

export interface FwStatsView {
  factionId: number | null;
  factionName: string | null;
  enlistedOn: Date | null;
  currentRank: string | null;
  highestRank: string | null;
  kills: { yesterday: number; lastWeek: number; total: number };
  victoryPoints: { yesterday: number; lastWeek: number; total: number };
}

export interface CorporationSheet {
  history: CorporationHistoryRow[];
  titles: { titleId: number; name: string }[];
  roles: { location: string; roles: string[] }[];
  fw: FwStatsView | null;
}

const DAY_MS = 86_400_000;
const ROLE_LOCATIONS = ["universal", "hq", "base", "other"];

/** EVE titles may carry font markup (<color=...>); the tab shows their plain text. */
const plainTitle = (name: string) => name.replace(/<[^>]*>/g, "").trim() || name;

export async function corporationSheet(db: Db, characterId: number, now = new Date()): Promise<CorporationSheet> {
  const [history, titles, roles, fw] = await Promise.all([
    db.characterCorporationHistory.findMany({
      where: { characterId },
      orderBy: [{ startDate: "desc" }, { recordId: "desc" }],
    }),
    db.characterTitle.findMany({ where: { characterId }, orderBy: { titleId: "asc" } }),
    db.characterRole.findMany({ where: { characterId }, orderBy: [{ location: "asc" }, { role: "asc" }] }),
    db.characterFwStats.findUnique({ where: { characterId } }),
  ]);
  const names = await entityNames(db, [...history.map((h) => h.corporationId), fw?.factionId]);
  const byLocation = new Map<string, string[]>();
  for (const r of roles) byLocation.set(r.location, [...(byLocation.get(r.location) ?? []), r.role]);
  return {
    history: history.map((h, i) => {
      const endDate = i === 0 ? null : history[i - 1]!.startDate;
      return {
        recordId: h.recordId,
        corporationId: h.corporationId,
        corporationName: names.get(h.corporationId)!,
        startDate: h.startDate,
        endDate,
        durationDays: Math.max(0, Math.floor(((endDate ?? now).getTime() - h.startDate.getTime()) / DAY_MS)),
        isDeleted: h.isDeleted,
      };
    }),
    titles: titles.map((t) => ({ titleId: t.titleId, name: plainTitle(t.name) })),
    roles: [...byLocation]
      .sort(([a], [b]) => ROLE_LOCATIONS.indexOf(a) - ROLE_LOCATIONS.indexOf(b))
      .map(([location, list]) => ({ location, roles: list })),
    fw: fw && {
      factionId: fw.factionId,
      factionName: fw.factionId === null ? null : names.get(fw.factionId)!,
      enlistedOn: fw.enlistedOn,
      currentRank: fwRankName(fw.factionId, fw.currentRank),
      highestRank: fwRankName(fw.factionId, fw.highestRank),
      kills: { yesterday: fw.killsYesterday, lastWeek: fw.killsLastWeek, total: fw.killsTotal },
      victoryPoints: {
        yesterday: fw.victoryPointsYesterday,
        lastWeek: fw.victoryPointsLastWeek,
        total: fw.victoryPointsTotal,
      },
    },
  };
}
