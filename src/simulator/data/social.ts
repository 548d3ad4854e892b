// Standing in the world: corporation history, NPC standings, loyalty points,
// corporation titles and roles, factional-warfare statistics and medals.
import { findSimCorporation, simCorporations } from "../roster";
import { findBloodline, sdeFactions } from "../sde";
import { activeNpcCorporations, agents } from "./catalog";
import type { EsiGet, EsiItem } from "./esi-types";
import { DAY_MS, isoSeconds } from "./ids";
import type { CharacterContext } from "./profile";

export type HistoryRecord = EsiItem<"/characters/{character_id}/corporationhistory">;
export type Standing = EsiItem<"/characters/{character_id}/standings">;
export type LoyaltyEntry = EsiItem<"/characters/{character_id}/loyalty/points">;
export type Title = EsiItem<"/characters/{character_id}/titles">;
export type RolesBody = EsiGet<"/characters/{character_id}/roles">;
export type FwStats = EsiGet<"/characters/{character_id}/fw/stats">;
export type Medal = EsiItem<"/characters/{character_id}/medals">;
type Role = NonNullable<RolesBody["roles"]>[number];

export interface SocialSection {
  history: HistoryRecord[];
  standings: Standing[];
  loyalty: LoyaltyEntry[];
  titles: Title[];
  roles: RolesBody;
  fw: FwStats;
  medals: Medal[];
}

// Titles as corporations name them, markup included (clients strip it).
const TITLES = [
  "Member",
  "Fleet Commander",
  "<b>Logistics</b>",
  "Recruiter",
  "<color=0xff00ff00>Veteran</color>",
  "Industrialist",
  "Quartermaster",
];
const MEMBER_ROLES: readonly Role[] = [
  "Hangar_Query_1",
  "Hangar_Take_1",
  "Container_Take_1",
  "Hangar_Query_2",
  "Hangar_Take_2",
  "Trader",
  "Factory_Manager",
  "Rent_Office",
  "Junior_Accountant",
  "Contract_Manager",
  "Deliveries_Query",
  "Deliveries_Take",
  "Fitting_Manager",
  "Station_Manager",
];
const EMPIRE_FACTIONS: Record<number, number> = { 1: 500001, 2: 500002, 4: 500003, 8: 500004 };
const MEDAL_TITLES = [
  "Ironclad",
  "Founders' Star",
  "Logistics Cross",
  "Miner of the Month",
  "Hauler's Ribbon",
  "Frontline Medal",
];

function history(ctx: CharacterContext): HistoryRecord[] {
  const rng = ctx.rng("history");
  const birthday = Date.parse(ctx.character.birthday);
  const school = findBloodline(ctx.character.bloodlineId)?.corporationId ?? 1000006;
  const current = findSimCorporation(ctx.character.corporationId);
  const founded = Date.parse(current?.dateFounded ?? ctx.character.birthday);
  // Founders joined when they founded; everyone else at some point since.
  const joinedCurrent =
    current?.creatorId === ctx.character.characterId
      ? founded
      : Math.max(founded, birthday + DAY_MS, rng.daysBefore(ctx.anchorMs, 10, 1500));
  const stops = [school];
  const hops = Math.min(rng.int(0, 5), Math.floor((joinedCurrent - birthday) / (60 * DAY_MS)));
  for (let i = 0; i < hops; i++) {
    const others = simCorporations.filter((c) => c.corporationId !== ctx.character.corporationId);
    stops.push(
      rng.chance(0.5) && others.length > 0 ? rng.pick(others).corporationId : rng.pick(activeNpcCorporations()).id,
    );
  }
  const span = joinedCurrent - birthday;
  const records: HistoryRecord[] = stops.map((corporationId, i) => ({
    corporation_id: corporationId,
    record_id: 10_000_000 + ctx.index * 20 + i,
    start_date: isoSeconds(birthday + Math.floor((span * i) / stops.length)),
    ...(i > 0 && rng.chance(0.05) ? { is_deleted: true } : {}),
  }));
  records.push({
    corporation_id: ctx.character.corporationId,
    record_id: 10_000_000 + ctx.index * 20 + stops.length,
    start_date: isoSeconds(joinedCurrent),
  });
  return records.reverse();
}

function roles(ctx: CharacterContext): RolesBody {
  const rng = ctx.rng("roles");
  const corporation = findSimCorporation(ctx.character.corporationId);
  if (corporation?.ceoId === ctx.character.characterId)
    return { roles: ["Director"], roles_at_base: [], roles_at_hq: [], roles_at_other: [] };
  const pick = (n: number) => rng.sample(MEMBER_ROLES, n).sort();
  return {
    roles: pick(rng.int(0, 6)),
    roles_at_base: pick(rng.int(0, 2)),
    roles_at_hq: pick(rng.int(0, 2)),
    roles_at_other: pick(rng.int(0, 1)),
  };
}

function fwStats(ctx: CharacterContext): FwStats {
  const rng = ctx.rng("fw");
  const enlisted = ctx.profile.archetype === "hunter" ? rng.chance(0.7) : rng.chance(0.1);
  const yesterday = enlisted ? rng.int(0, 12) : 0;
  const lastWeek = enlisted ? yesterday + rng.int(0, 60) : 0;
  const total = lastWeek + (enlisted ? rng.int(0, 3000) : rng.chance(0.2) ? rng.int(1, 200) : 0);
  const kills = { yesterday, last_week: lastWeek, total };
  const vp = { yesterday: yesterday * 20, last_week: lastWeek * 20, total: total * 20 };
  if (!enlisted) return { kills, victory_points: vp };
  const rank = rng.int(0, 9);
  return {
    faction_id: EMPIRE_FACTIONS[ctx.character.raceId] ?? 500001,
    enlisted_on: isoSeconds(rng.daysBefore(ctx.anchorMs, 10, 1000)),
    current_rank: rank,
    highest_rank: Math.min(9, rank + rng.int(0, 2)),
    kills,
    victory_points: vp,
  };
}

export function generateSocial(ctx: CharacterContext): SocialSection {
  const rng = ctx.rng("social");
  const { volumes } = ctx.profile;
  const npc = activeNpcCorporations();
  const standings: Standing[] = [
    ...rng
      .sample(sdeFactions(), Math.min(8, Math.ceil(volumes.standings / 6)))
      .map((f) => ({ from_id: f.id, from_type: "faction" as const })),
    ...rng
      .sample(npc, Math.ceil(volumes.standings / 2))
      .map((c) => ({ from_id: c.id, from_type: "npc_corp" as const })),
    ...rng
      .sample(agents(), Math.ceil(volumes.standings / 3))
      .map((a) => ({ from_id: a.id, from_type: "agent" as const })),
  ].map((s) => ({ ...s, standing: Math.round(Math.max(-10, Math.min(10, rng.gaussian() * 2.5 + 1.5)) * 100) / 100 }));
  const loyalty = rng
    .sample(npc, volumes.loyalty)
    .map((c) => ({ corporation_id: c.id, loyalty_points: rng.count(15_000, 1.5, 1, 5_000_000) }))
    .sort((a, b) => a.corporation_id - b.corporation_id);
  const titles: Title[] = rng
    .sample(TITLES, rng.int(0, 3))
    .map((name) => ({ title_id: 1 << TITLES.indexOf(name), name }));
  if (ctx.character.corporationTitle)
    titles.unshift({ title_id: 1 << TITLES.length, name: ctx.character.corporationTitle });
  const corporations = simCorporations.map((c) => c.corporationId);
  const medals: Medal[] = Array.from({ length: volumes.medals }, (_, i) => {
    const corporationId = rng.pick(corporations);
    const title = rng.pick(MEDAL_TITLES);
    return {
      medal_id: 7000 + MEDAL_TITLES.indexOf(title) + 10 * corporations.indexOf(corporationId),
      corporation_id: corporationId,
      issuer_id: findSimCorporation(corporationId)?.ceoId ?? ctx.character.characterId,
      title,
      description: `Awarded by ${findSimCorporation(corporationId)?.name ?? "the corporation"} for service.`,
      reason: rng.pick([
        "For holding the line.",
        "Top miner this month.",
        "Never lost a freighter.",
        "Saved the fleet.",
      ]),
      status: rng.chance(0.8) ? "public" : "private",
      date: isoSeconds(rng.daysBefore(ctx.anchorMs, i * 60 + 5, i * 60 + 60)),
      graphics: [
        { graphic: `caldari.${rng.int(1, 9)}_1`, layer: 0, part: 1, color: -1 },
        { graphic: `pattern.${rng.int(1, 9)}_2`, layer: 1, part: 2 },
      ],
    };
  });
  return { history: history(ctx), standings, loyalty, titles, roles: roles(ctx), fw: fwStats(ctx), medals };
}
