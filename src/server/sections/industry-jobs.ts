// industry_jobs: running and completed jobs (ESI keeps 90 days when asked with
// include_completed), upserted by job id. Jobs that leave ESI's window are kept as
// the character's industry history; only new or changed jobs cost a write.
import type { EsiItem } from "~/server/esi/types";
import { diffRows } from "./diff-rows";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Job = EsiItem<"get", "/characters/{character_id}/industry/jobs">;

const dateOrNull = (value: string | undefined) => (value ? new Date(value) : null);

function toRow(characterId: number, j: Job) {
  return {
    characterId,
    jobId: BigInt(j.job_id),
    activityId: j.activity_id,
    status: j.status,
    blueprintId: BigInt(j.blueprint_id),
    blueprintTypeId: j.blueprint_type_id,
    blueprintLocationId: BigInt(j.blueprint_location_id),
    facilityId: BigInt(j.facility_id),
    stationId: BigInt(j.station_id),
    outputLocationId: BigInt(j.output_location_id),
    installerId: j.installer_id,
    runs: j.runs,
    licensedRuns: j.licensed_runs ?? null,
    successfulRuns: j.successful_runs ?? null,
    productTypeId: j.product_type_id ?? null,
    probability: j.probability ?? null,
    // Cents as a string: Decimal columns come back as Decimal, so compare and store the same text.
    cost: j.cost === undefined ? null : j.cost.toFixed(2),
    duration: j.duration,
    startDate: new Date(j.start_date),
    endDate: new Date(j.end_date),
    pauseDate: dateOrNull(j.pause_date),
    completedDate: dateOrNull(j.completed_date),
    completedCharacterId: j.completed_character_id ?? null,
  };
}

export const industryJobs = defineSection<Job[]>({
  name: "industry_jobs",
  label: "Industry jobs",
  routes: ["GET /characters/{character_id}/industry/jobs"],
  // Fields read per route (docs/esi-client.md, "Tolerance"); a required field left out here may be missing.
  reads: {
    "GET /characters/{character_id}/industry/jobs": [
      "job_id",
      "activity_id",
      "status",
      "blueprint_id",
      "blueprint_type_id",
      "blueprint_location_id",
      "facility_id",
      "station_id",
      "output_location_id",
      "installer_id",
      "runs",
      "licensed_runs",
      "successful_runs",
      "product_type_id",
      "probability",
      "cost",
      "duration",
      "start_date",
      "end_date",
      "pause_date",
      "completed_date",
      "completed_character_id",
    ],
  },
  scopes: ["esi-industry.read_character_jobs.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "accumulate",
  extra: true,
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/industry/jobs", {
      path: { character_id: characterId },
      query: { include_completed: true },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, jobs) {
    const incoming = jobs.map((j) => toRow(characterId, j));
    const stored = (
      await tx.characterIndustryJob.findMany({ where: { characterId, jobId: { in: incoming.map((r) => r.jobId) } } })
    ).map((r) => ({
      ...r,
      cost: r.cost === null ? null : r.cost.toFixed(2),
    }));
    // Vanished jobs are history, not deletions: the diff's `remove` is ignored.
    const diff = diffRows(stored, incoming, (r) => r.jobId);
    if (diff.create.length > 0) await insertRows(tx, "CharacterIndustryJob", { data: diff.create });
    for (const row of diff.update) {
      await tx.characterIndustryJob.update({
        where: { characterId_jobId: { characterId, jobId: row.jobId } },
        data: row,
      });
    }
    const entityIds = incoming.flatMap((r) =>
      r.completedCharacterId === null ? [r.installerId] : [r.installerId, r.completedCharacterId],
    );
    const locationIds = incoming.flatMap((r) => [r.facilityId, r.stationId]);
    return { written: diff.create.length + diff.update.length, entityIds, locationIds };
  },
});
