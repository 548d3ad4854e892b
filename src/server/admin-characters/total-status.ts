// A character's total update status for the administrators' list (Member Audit's
// TotalUpdateStatus), computed in SQL from the section status rows, the token and the
// enabled flag, so the list can filter and sort on it while paging on the server. The
// definition is written out in docs/admin-characters.md; the first matching state wins.
import { Prisma } from "@prisma/client";
import { SKIPPED_PREFIX } from "~/server/updates/run-record";
import { enabledSections, type EngineSettings } from "~/server/updates/engine-settings";

export const TOTAL_STATUSES = [
  "disabled",
  "in_progress",
  "error",
  "limited_token",
  "unknown",
  "incomplete",
  "ok",
] as const;
export type TotalStatus = (typeof TOTAL_STATUSES)[number];

/** Escaped for LIKE: the skip marker is matched as text, whatever it contains. */
const skippedPattern = `${SKIPPED_PREFIX.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * A LATERAL subquery over the enabled sections of character `c` (token `t`): per
 * character, whether a run is in progress, the failing sections, whether a section
 * needs a scope the token lacks, how many status rows exist, whether every section the
 * token can serve has succeeded, and the last success. Skipped runs (ESI's health gate)
 * are no failure: their row keeps the previous outcome. Per character (LATERAL), so
 * filters on the character's own columns (name, corporation, ...) narrow the work first.
 */
export function sectionAggregateSql(settings: EngineSettings): Prisma.Sql {
  const sections = enabledSections(settings).map((s) => Prisma.sql`(${s.name}::text, ${[...s.scopes]}::text[])`);
  return Prisma.sql`LATERAL (
    SELECT
      count(r.section)::int AS "rowCount",
      coalesce(bool_or(r."startedAt" IS NOT NULL AND (r."finishedAt" IS NULL OR r."finishedAt" < r."startedAt")), false) AS running,
      coalesce(array_agg(s.name ORDER BY s.name) FILTER (
        WHERE r."isSuccess" IS FALSE AND NOT s.lacks AND coalesce(r."errorMessage", '') NOT LIKE ${skippedPattern}
      ), '{}') AS failing,
      coalesce(bool_or(s.lacks), false) AS limited,
      coalesce(bool_and(r."isSuccess" IS TRUE OR s.lacks), true) AS complete,
      max(r."finishedAt") FILTER (WHERE r."isSuccess") AS "lastSuccessAt"
    FROM (
      SELECT v.name, cardinality(v.scopes) > 0 AND NOT (coalesce(t.scopes, '{}') @> v.scopes) AS lacks
      FROM (VALUES ${Prisma.join(sections)}) AS v(name, scopes)
    ) s
    LEFT JOIN "SectionUpdateStatus" r ON r."characterId" = c.id AND r.section = s.name
  ) agg`;
}

/** The state, first match wins; reads `c` (Character), `t` (EsiToken) and `agg` (sectionAggregateSql). */
export const totalStatusSql = Prisma.sql`CASE
    WHEN NOT c."isEnabled" THEN 'disabled'
    WHEN agg.running THEN 'in_progress'
    WHEN t."characterId" IS NULL OR t.status <> 'VALID' OR cardinality(agg.failing) > 0 THEN 'error'
    WHEN agg.limited THEN 'limited_token'
    WHEN agg."rowCount" = 0 THEN 'unknown'
    WHEN NOT agg.complete THEN 'incomplete'
    ELSE 'ok'
  END`;
