// Roster records in ESI's wire shapes (CCP's OpenAPI document, compatibility date
// 2026-07-17). Optional fields are left out rather than sent as null, as ESI does.
import type { SimAlliance, SimCharacter, SimCorporation } from "../roster";
import { simCorporationMembers } from "../roster";

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function characterBody(c: SimCharacter) {
  return {
    achievement_score: c.achievementScore,
    ...optional("alliance_id", c.allianceId),
    birthday: c.birthday,
    bloodline_id: c.bloodlineId,
    corporation_id: c.corporationId,
    ...optional("corporation_title", c.corporationTitle),
    description: c.description,
    gender: c.gender,
    name: c.name,
    race_id: c.raceId,
    security_status: c.securityStatus,
  };
}

export function corporationBody(c: SimCorporation) {
  return {
    ...optional("alliance_id", c.allianceId),
    ceo_id: c.ceoId,
    creator_id: c.creatorId,
    date_founded: c.dateFounded,
    description: c.description,
    home_station_id: c.homeStationId,
    member_count: simCorporationMembers(c.corporationId).length,
    name: c.name,
    shares: c.shares,
    tax_rate: c.taxRate,
    ticker: c.ticker,
    ...optional("url", c.url || undefined),
    war_eligible: c.warEligible,
  };
}

export function allianceBody(a: SimAlliance) {
  return {
    creator_corporation_id: a.creatorCorporationId,
    creator_id: a.creatorId,
    date_founded: a.dateFounded,
    executor_corporation_id: a.executorCorporationId,
    name: a.name,
    ticker: a.ticker,
  };
}

export function affiliationBody(c: SimCharacter) {
  return {
    ...optional("alliance_id", c.allianceId),
    character_id: c.characterId,
    corporation_id: c.corporationId,
  };
}
