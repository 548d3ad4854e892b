// Standings tab: NPC standings (agents, NPC corporations, factions) with the standing
// the character effectively has once Connections/Diplomacy apply, and loyalty points.
import type { Db } from "~/server/db/client";
import { entityNames } from "./name-lookups";

const CONNECTIONS_SKILL_ID = 3359;
const DIPLOMACY_SKILL_ID = 3357;

export type StandingGroup = "Excellent" | "Good" | "Neutral" | "Bad" | "Terrible";

/** Member Audit's groups: Excellent > 5, Good > 0, Neutral 0, Bad < 0, Terrible < -5. */
export function standingGroup(standing: number): StandingGroup {
  if (standing > 5) return "Excellent";
  if (standing > 0) return "Good";
  if (standing === 0) return "Neutral";
  if (standing >= -5) return "Bad";
  return "Terrible";
}

/** EVE's rule: each level adds 4% of the distance to +10, Connections for raw standings from 0 up, Diplomacy below 0. */
export function effectiveStanding(standing: number, connections: number, diplomacy: number): number {
  const level = standing < 0 ? diplomacy : connections;
  return Math.round((standing + (10 - standing) * 0.04 * level) * 100) / 100;
}

export interface NpcStanding {
  id: number;
  name: string;
  /** ESI's from_type: "agent" | "npc_corp" | "faction". */
  type: string;
  standing: number;
  effectiveStanding: number;
  group: StandingGroup;
}

export interface LoyaltyRow {
  corporationId: number;
  corporationName: string;
  loyaltyPoints: number;
}

export async function standingsSheet(
  db: Db,
  characterId: number,
): Promise<{ standings: NpcStanding[]; loyalty: LoyaltyRow[] }> {
  const [rows, loyalty, skills] = await Promise.all([
    db.characterStanding.findMany({ where: { characterId }, orderBy: [{ standing: "desc" }, { fromId: "asc" }] }),
    db.characterLoyaltyEntry.findMany({
      where: { characterId },
      orderBy: [{ loyaltyPoints: "desc" }, { corporationId: "asc" }],
    }),
    db.characterSkill.findMany({ where: { characterId, skillId: { in: [CONNECTIONS_SKILL_ID, DIPLOMACY_SKILL_ID] } } }),
  ]);
  const level = (skillId: number) => skills.find((s) => s.skillId === skillId)?.activeSkillLevel ?? 0;
  const names = await entityNames(db, [...rows.map((r) => r.fromId), ...loyalty.map((l) => l.corporationId)]);
  return {
    standings: rows.map((r) => ({
      id: r.fromId,
      name: names.get(r.fromId)!,
      type: r.fromType,
      standing: r.standing,
      effectiveStanding: effectiveStanding(r.standing, level(CONNECTIONS_SKILL_ID), level(DIPLOMACY_SKILL_ID)),
      group: standingGroup(r.standing),
    })),
    loyalty: loyalty.map((l) => ({
      corporationId: l.corporationId,
      corporationName: names.get(l.corporationId)!,
      loyaltyPoints: l.loyaltyPoints,
    })),
  };
}
