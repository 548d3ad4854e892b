// Per section, over the enabled characters' status rows (SectionUpdateStatus, one row per
// character and section: its last run): how many are ok, failing, stale or stopped by
// their token, running now, the last success, p50/p95 of the last runs' durations, and
// the failures of the last 24 hours. The table keeps each pair's last run only, so
// "failures in 24 h" counts pairs whose last run failed in that time (docs/status.md).
import { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import type { EngineSettings } from "~/server/updates/engine-settings";
import { enabledSections } from "~/server/updates/engine-settings";

export interface SectionHealth {
  section: string;
  ok: number;
  error: number;
  stale: number;
  tokenFault: number;
  running: number;
  lastSuccess: Date | null;
  p50Seconds: number | null;
  p95Seconds: number | null;
  failures24h: number;
}

export interface HourCount {
  hour: Date;
  failures: number;
}

const HOUR_MS = 3_600_000;

export async function readSections(db: Db, settings: EngineSettings, now: Date): Promise<SectionHealth[]> {
  const sections = enabledSections(settings).map((s) => s.name);
  const limits = Prisma.join(
    sections.map((name) => Prisma.sql`(${name}::text, ${settings.staleMinutes[name] ?? 1440}::int)`),
  );
  const rows = await db.$queryRaw<SectionHealth[]>`
    WITH limits(section, minutes) AS (VALUES ${limits}),
    runs AS (
      SELECT s.section, s."isSuccess", s."isTokenError", s."startedAt", s."finishedAt",
        CASE WHEN s."finishedAt" >= s."startedAt" THEN extract(epoch FROM s."finishedAt" - s."startedAt")::float8 END AS secs,
        s."finishedAt" IS NULL OR s."finishedAt" < ${now}::timestamptz - l.minutes * interval '1 minute' AS old
      FROM "SectionUpdateStatus" s
      JOIN "Character" c ON c.id = s."characterId" AND c."isEnabled"
      JOIN limits l ON l.section = s.section
    )
    SELECT l.section,
      count(r.section) FILTER (WHERE r."isSuccess" AND NOT r."isTokenError" AND NOT r.old)::int AS ok,
      count(r.section) FILTER (WHERE r."isSuccess" = false AND NOT r."isTokenError")::int AS error,
      count(r.section) FILTER (WHERE r."isSuccess" IS NOT false AND NOT r."isTokenError" AND (r.old OR r."isSuccess" IS NULL))::int AS stale,
      count(r.section) FILTER (WHERE r."isTokenError")::int AS "tokenFault",
      count(r.section) FILTER (WHERE r."startedAt" IS NOT NULL AND (r."finishedAt" IS NULL OR r."startedAt" > r."finishedAt"))::int AS running,
      max(r."finishedAt") FILTER (WHERE r."isSuccess") AS "lastSuccess",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY r.secs) AS "p50Seconds",
      percentile_cont(0.95) WITHIN GROUP (ORDER BY r.secs) AS "p95Seconds",
      count(r.section) FILTER (WHERE r."isSuccess" = false AND r."finishedAt" > ${now}::timestamptz - interval '24 hours')::int AS "failures24h"
    FROM limits l LEFT JOIN runs r ON r.section = l.section
    GROUP BY l.section
    ORDER BY l.section`;
  return rows;
}

/** Enabled characters' failed last runs by the hour they ended, the last 24 hours, oldest first, quiet hours as zeros. */
export async function readFailuresByHour(db: Db, now: Date): Promise<HourCount[]> {
  const rows = await db.$queryRaw<{ hour: Date; failures: number }[]>`
    SELECT date_trunc('hour', s."finishedAt") AS hour, count(*)::int AS failures
    FROM "SectionUpdateStatus" s
    JOIN "Character" c ON c.id = s."characterId" AND c."isEnabled"
    WHERE s."isSuccess" = false AND s."finishedAt" > ${now}::timestamptz - interval '24 hours'
    GROUP BY 1`;
  const byHour = new Map(rows.map((r) => [r.hour.getTime(), r.failures]));
  const current = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const out: HourCount[] = [];
  for (let i = 23; i >= 0; i--) {
    const hour = current - i * HOUR_MS;
    out.push({ hour: new Date(hour), failures: byHour.get(hour) ?? 0 });
  }
  return out;
}
