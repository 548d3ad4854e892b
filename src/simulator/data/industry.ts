// Blueprints (the blueprint items of the asset tree, with research levels),
// industry jobs run on them, and the 30-day mining ledger.
import { findType } from "../sde";
import type { Asset } from "./assets";
import { asteroidOres, iceOres, PLAYER_STRUCTURES } from "./catalog";
import type { EsiItem } from "./esi-types";
import { DAY_MS, ID_SPACES, isk, isoDate, isoSeconds, makeId, MINUTE_MS, startOfUtcDay } from "./ids";
import type { CharacterContext } from "./profile";
import { Rng } from "./prng";

export type Blueprint = EsiItem<"/characters/{character_id}/blueprints">;
export type IndustryJob = EsiItem<"/characters/{character_id}/industry/jobs">;
export type MiningEntry = EsiItem<"/characters/{character_id}/mining">;

export interface IndustrySection {
  jobs: IndustryJob[];
  mining: MiningEntry[];
}

/** The blueprint items among `assets`, with their (stable) research and run counts. */
export function blueprintsOf(ctx: CharacterContext, assets: readonly Asset[]): Blueprint[] {
  return assets.flatMap((item) => {
    const type = findType(item.type_id);
    if (type?.productTypeId === undefined) return [];
    const rng = new Rng(ctx.seed, ctx.character.characterId, "blueprint", item.item_id);
    const copy = item.is_blueprint_copy === true;
    return [
      {
        item_id: item.item_id,
        type_id: item.type_id,
        location_id: item.location_id,
        location_flag: item.location_flag as Blueprint["location_flag"],
        // -1 is an original, -2 a copy; a stack of originals reports its size.
        quantity: copy ? -2 : item.is_singleton ? -1 : item.quantity,
        material_efficiency: rng.int(0, 10),
        time_efficiency: rng.int(0, 10) * 2,
        runs: copy ? rng.int(1, Math.max(1, type.maxRuns ?? 10)) : -1,
      },
    ];
  });
}

const ACTIVITIES: readonly (readonly [number, number])[] = [
  [1, 60],
  [3, 10],
  [4, 10],
  [5, 12],
  [8, 8],
];

function generateJobs(ctx: CharacterContext, rng: Rng, blueprints: readonly Blueprint[]): IndustryJob[] {
  if (blueprints.length === 0) return [];
  const facilities = [
    ctx.profile.homeStation.id,
    ...PLAYER_STRUCTURES.filter((s) => !s.corporationIds).map((s) => s.id),
  ];
  const jobs: IndustryJob[] = [];
  for (let n = 1; n <= ctx.profile.volumes.jobs; n++) {
    const blueprint = rng.pick(blueprints);
    const copy = blueprint.quantity === -2;
    const activity = copy
      ? rng.weighted([
          [1, 80],
          [8, 20],
        ] as const)
      : rng.weighted(ACTIVITIES);
    const type = findType(blueprint.type_id);
    const runs =
      activity === 1
        ? rng.int(1, copy ? Math.max(1, blueprint.runs) : 100)
        : activity === 3 || activity === 4
          ? rng.int(1, 5)
          : rng.int(1, 20);
    const duration = Math.round(rng.logNormal(6 * 3600, 1.2));
    // About a third still runs; the rest finished within ESI's 90-day window.
    const start = rng.chance(0.35)
      ? ctx.anchorMs - Math.floor(rng.next() * duration * 1000)
      : ctx.anchorMs - duration * 1000 - Math.floor(rng.next() * 85 * DAY_MS);
    const end = start + duration * 1000;
    const facility = rng.pick(facilities);
    const finished = end <= ctx.anchorMs;
    const status: IndustryJob["status"] = finished
      ? rng.weighted([
          ["delivered", 75],
          ["ready", 15],
          ["cancelled", 8],
          ["reverted", 2],
        ])
      : rng.chance(0.05)
        ? "paused"
        : "active";
    const product = activity === 1 ? type?.productTypeId : blueprint.type_id;
    jobs.push({
      job_id: makeId(ID_SPACES.job, ctx.index, n),
      activity_id: activity,
      blueprint_id: blueprint.item_id,
      blueprint_type_id: blueprint.type_id,
      blueprint_location_id: facility,
      facility_id: facility,
      station_id: facility,
      output_location_id: facility,
      installer_id: ctx.character.characterId,
      runs,
      ...(activity === 5 || activity === 1 ? { licensed_runs: runs } : {}),
      cost: isk(rng.logNormal(2e5, 1.5)),
      duration,
      start_date: isoSeconds(start),
      end_date: isoSeconds(end),
      status,
      ...(product === undefined ? {} : { product_type_id: product }),
      ...(activity === 8 ? { probability: Math.round(rng.float(0.25, 0.55) * 1000) / 1000 } : {}),
      ...(status === "paused" ? { pause_date: isoSeconds(start + Math.floor((ctx.anchorMs - start) / 2)) } : {}),
      ...(status === "delivered"
        ? {
            completed_date: isoSeconds(end + rng.int(1, 600) * MINUTE_MS),
            completed_character_id: ctx.character.characterId,
            successful_runs: activity === 8 ? rng.int(0, runs) : runs,
          }
        : {}),
    });
  }
  return jobs;
}

function generateMining(ctx: CharacterContext, rng: Rng): MiningEntry[] {
  const target = ctx.profile.volumes.mining;
  if (target === 0) return [];
  const ores =
    ctx.profile.archetype === "miner" && rng.chance(0.3) ? [...asteroidOres(), ...iceOres()] : asteroidOres();
  const systems = rng.sample(ctx.profile.localSystems, rng.int(1, 12));
  const favourites = rng.sample(ores, rng.int(3, 20));
  const seen = new Set<string>();
  const entries: MiningEntry[] = [];
  const today = startOfUtcDay(ctx.anchorMs);
  for (let guard = 0; entries.length < target && guard < target * 10; guard++) {
    const day = today - rng.int(0, 29) * DAY_MS;
    const system = rng.pick(systems);
    const ore = rng.chance(0.8) ? rng.pick(favourites) : rng.pick(ores);
    const key = `${day}:${system.id}:${ore.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({
      date: isoDate(day),
      solar_system_id: system.id,
      type_id: ore.id,
      quantity: rng.count(8_000, 1.2, 1, 2_000_000),
    });
  }
  return entries.sort(
    (a, b) => a.date.localeCompare(b.date) || a.solar_system_id - b.solar_system_id || a.type_id - b.type_id,
  );
}

export function generateIndustry(ctx: CharacterContext, baseBlueprints: readonly Blueprint[]): IndustrySection {
  const rng = ctx.rng("industry");
  return { jobs: generateJobs(ctx, rng, baseBlueprints), mining: generateMining(ctx, rng) };
}

/** ESI reports an active job whose end has passed as ready. */
export function jobsAt(jobs: readonly IndustryJob[], nowMs: number, includeCompleted: boolean): IndustryJob[] {
  return jobs
    .map((job) =>
      job.status === "active" && Date.parse(job.end_date) <= nowMs ? { ...job, status: "ready" as const } : job,
    )
    .filter((job) => includeCompleted || job.status === "active" || job.status === "paused" || job.status === "ready");
}
