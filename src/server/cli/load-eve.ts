// `memberaudit load-eve`: preloads EVE's static types for the categories the sheets
// show most (Member Audit's list), so pages name things from the first update on
// instead of waiting for the on-demand resolver. Categories and groups are fetched
// each run (a few hundred requests); types already stored are skipped unless
// `refresh`, so a second run is cheap.
import type { Db } from "~/server/db/client";
import { type EsiClient, EsiRateLimitedError } from "~/server/esi/client";
import type { EsiSuccessBody } from "~/server/esi/types";
import { resolveTypes, storeCategory, storeGroup } from "~/server/universe/types";

/** Member Audit's memberaudit_load_eve: Blueprint, Ship, Module, Charge, Skill, Drone, Implant, Fighter, Subsystem, Structure. */
export const LOAD_EVE_CATEGORIES = [9, 6, 7, 8, 16, 18, 20, 87, 32, 65] as const;

export interface LoadEveReport {
  categories: number;
  groups: number;
  /** Types in the loaded groups. */
  types: number;
  /** Types fetched and stored this run. */
  stored: number;
  failed: { kind: "category" | "group" | "type"; id: number; reason: string }[];
  requests: number;
}

export async function loadEve(
  deps: { db: Db; esi: EsiClient },
  options: {
    categories?: readonly number[];
    refresh?: boolean;
    concurrency?: number;
    log?(line: string): void;
    progress?(done: number, total: number): void;
  } = {},
): Promise<LoadEveReport> {
  const log = options.log ?? (() => {});
  const concurrency = options.concurrency ?? 8;
  const report: LoadEveReport = { categories: 0, groups: 0, types: 0, stored: 0, failed: [], requests: 0 };
  const typeIds: number[] = [];
  for (const categoryId of options.categories ?? LOAD_EVE_CATEGORIES) {
    report.requests += 1;
    let category: EsiSuccessBody<"get", "/universe/categories/{category_id}">;
    try {
      category = await deps.esi.getData("/universe/categories/{category_id}", { path: { category_id: categoryId } });
    } catch (error) {
      if (error instanceof EsiRateLimitedError) throw error;
      report.failed.push({
        kind: "category",
        id: categoryId,
        reason: error instanceof Error ? error.message : String(error),
      });
      log(`category ${categoryId}: skipped (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    await storeCategory(deps.db, category);
    report.categories += 1;
    const groupIds = category.groups ?? [];
    let next = 0;
    let typesInCategory = 0;
    const worker = async () => {
      while (next < groupIds.length) {
        const groupId = groupIds[next++]!;
        report.requests += 1;
        try {
          const group = await deps.esi.getData("/universe/groups/{group_id}", { path: { group_id: groupId } });
          await storeGroup(deps.db, group);
          report.groups += 1;
          typesInCategory += group.types?.length ?? 0;
          typeIds.push(...(group.types ?? []));
        } catch (error) {
          if (error instanceof EsiRateLimitedError) throw error;
          report.failed.push({
            kind: "group",
            id: groupId,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, groupIds.length) }, worker));
    log(`category ${categoryId} ${category.name}: ${groupIds.length} groups, ${typesInCategory} types`);
  }
  report.types = new Set(typeIds).size;
  const resolved = await resolveTypes(deps, typeIds, {
    refresh: options.refresh,
    concurrency,
    onProgress: options.progress,
  });
  report.stored = resolved.stored;
  report.requests += resolved.requests;
  report.failed.push(...resolved.failed.map((f) => ({ kind: "type" as const, ...f })));
  return report;
}
