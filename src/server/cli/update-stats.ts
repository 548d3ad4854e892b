// Update durations per section, from the status rows of successful runs.
import type { Db } from "~/server/db/client";

export interface DurationStats {
  section: string;
  runs: number;
  minSeconds: number;
  avgSeconds: number;
  maxSeconds: number;
}

export async function updateDurations(db: Db): Promise<DurationStats[]> {
  const rows = await db.$queryRaw<Array<{ section: string; runs: bigint; min: number; avg: number; max: number }>>`
    SELECT section, COUNT(*) AS runs,
      MIN(EXTRACT(EPOCH FROM "finishedAt" - "startedAt"))::float AS min,
      AVG(EXTRACT(EPOCH FROM "finishedAt" - "startedAt"))::float AS avg,
      MAX(EXTRACT(EPOCH FROM "finishedAt" - "startedAt"))::float AS max
    FROM "SectionUpdateStatus"
    WHERE "isSuccess" AND "finishedAt" >= "startedAt"
    GROUP BY section ORDER BY section`;
  return rows.map((r) => ({
    section: r.section,
    runs: Number(r.runs),
    minSeconds: r.min,
    avgSeconds: r.avg,
    maxSeconds: r.max,
  }));
}
