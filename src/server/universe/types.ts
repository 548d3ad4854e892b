// EVE's type hierarchy (category > group > type, plus dogma attributes) loaded from
// ESI's /universe endpoints on demand: for ids the sections store (a cron finds them
// with one query) and in bulk by `memberaudit load-eve`. One bad id never fails a
// batch: it is skipped and reported, and ids ESI does not know (404) are not asked
// about again by this process.
import { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import { type EsiClient, EsiError, EsiRateLimitedError } from "~/server/esi/client";
import { insertRows } from "~/server/db/insert-rows";

/** Dogma attribute ids the app reads. */
export const DOGMA = {
  primaryAttribute: 180,
  secondaryAttribute: 181,
  skillRank: 275,
  /** [requiredSkillN, requiredSkillNLevel] pairs, N = 1..6. */
  requiredSkills: [
    [182, 277],
    [183, 278],
    [184, 279],
    [1285, 1286],
    [1289, 1287],
    [1290, 1288],
  ] as const,
} as const;

/** Parallel ESI look-ups: enough to hide latency without hogging the error budget. */
const DEFAULT_CONCURRENCY = 8;
/** Types written per transaction. */
const WRITE_CHUNK = 500;

const unknownToEsi = new Set<number>();

export interface ResolveOptions {
  concurrency?: number;
  /** Fetch known types again (load-eve --refresh). */
  refresh?: boolean;
  onProgress?(done: number, total: number): void;
}

export interface ResolveResult {
  /** Types written (created or refreshed). */
  stored: number;
  /** Ids that could not be loaded (unknown to ESI, or their group failed), with the reason. */
  failed: { id: number; reason: string }[];
  /** ESI requests made. */
  requests: number;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string; notFound: boolean };

/** One look-up: a rate limit concerns the whole batch and is thrown; anything else is this id's failure. */
async function attempt<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (error instanceof EsiRateLimitedError) throw error;
    return {
      ok: false,
      reason: error instanceof Error ? error.message : String(error),
      notFound: error instanceof EsiError && error.status === 404,
    };
  }
}

export interface CategoryBody {
  category_id: number;
  name: string;
  published: boolean;
  groups?: number[];
}
export interface GroupBody {
  group_id: number;
  name: string;
  category_id: number;
  published: boolean;
  types?: number[];
}

export async function storeCategory(db: Db, c: CategoryBody): Promise<void> {
  const data = { name: c.name, published: c.published };
  await db.eveCategory.upsert({ where: { id: c.category_id }, create: { id: c.category_id, ...data }, update: data });
}

export async function storeGroup(db: Db, g: GroupBody): Promise<void> {
  const data = { name: g.name, categoryId: g.category_id, published: g.published };
  await db.eveGroup.upsert({ where: { id: g.group_id }, create: { id: g.group_id, ...data }, update: data });
}

/**
 * Loads the given types (and the groups and categories they need) from ESI into
 * EveType/EveGroup/EveCategory/EveTypeDogmaAttribute. Known types are skipped unless
 * `refresh`. Never throws for one id; only an ESI rate limit stops the batch.
 */
export async function resolveTypes(
  deps: { db: Db; esi: EsiClient },
  typeIds: readonly number[],
  options: ResolveOptions = {},
): Promise<ResolveResult> {
  const { db, esi } = deps;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const result: ResolveResult = { stored: 0, failed: [], requests: 0 };
  let wanted = [...new Set(typeIds)].filter((id) => Number.isSafeInteger(id) && id > 0 && !unknownToEsi.has(id));
  if (!options.refresh && wanted.length > 0) {
    const known = new Set(
      (await db.eveType.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((t) => t.id),
    );
    wanted = wanted.filter((id) => !known.has(id));
  }
  if (wanted.length === 0) return result;

  let done = 0;
  const fetchedTypes = await mapLimit(wanted, concurrency, async (id) => {
    result.requests += 1;
    const outcome = await attempt(() => esi.getData("/universe/types/{type_id}", { path: { type_id: id } }));
    options.onProgress?.(++done, wanted.length);
    if (!outcome.ok) {
      if (outcome.notFound) unknownToEsi.add(id);
      result.failed.push({ id, reason: outcome.reason });
      return null;
    }
    return outcome.value;
  });
  const types = fetchedTypes.filter((t): t is NonNullable<typeof t> => t !== null);

  // Groups and categories the new types need and the database lacks.
  const groupIds = [...new Set(types.map((t) => t.group_id))];
  const knownGroups = new Set(
    (await db.eveGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true } })).map((g) => g.id),
  );
  const groups = (
    await mapLimit(
      groupIds.filter((id) => !knownGroups.has(id)),
      concurrency,
      async (id) => {
        result.requests += 1;
        const outcome = await attempt(() => esi.getData("/universe/groups/{group_id}", { path: { group_id: id } }));
        return outcome.ok ? outcome.value : null;
      },
    )
  ).filter((g): g is NonNullable<typeof g> => g !== null);
  const categoryIds = [...new Set(groups.map((g) => g.category_id))];
  const knownCategories = new Set(
    (await db.eveCategory.findMany({ where: { id: { in: categoryIds } }, select: { id: true } })).map((c) => c.id),
  );
  const categories = (
    await mapLimit(
      categoryIds.filter((id) => !knownCategories.has(id)),
      concurrency,
      async (id) => {
        result.requests += 1;
        const outcome = await attempt(() =>
          esi.getData("/universe/categories/{category_id}", { path: { category_id: id } }),
        );
        return outcome.ok ? outcome.value : null;
      },
    )
  ).filter((c): c is NonNullable<typeof c> => c !== null);

  for (const c of categories) await storeCategory(db, c);
  const storedCategories = new Set([...knownCategories, ...categories.map((c) => c.category_id)]);
  for (const g of groups) if (storedCategories.has(g.category_id)) await storeGroup(db, g);
  const storedGroups = new Set([
    ...knownGroups,
    ...groups.filter((g) => storedCategories.has(g.category_id)).map((g) => g.group_id),
  ]);

  const storable = types.filter((t) => {
    if (storedGroups.has(t.group_id)) return true;
    result.failed.push({ id: t.type_id, reason: `group ${t.group_id} could not be loaded` });
    return false;
  });
  for (let i = 0; i < storable.length; i += WRITE_CHUNK) {
    result.stored += await storeTypes(db, storable.slice(i, i + WRITE_CHUNK));
  }
  return result;
}

type TypeBody = {
  type_id: number;
  name: string;
  group_id: number;
  published: boolean;
  volume?: number;
  market_group_id?: number;
  dogma_attributes?: { attribute_id: number; value: number }[];
};

async function storeTypes(db: Db, types: readonly TypeBody[]): Promise<number> {
  const ids = types.map((t) => t.type_id);
  await db.$transaction(
    async (tx) => {
      const existing = new Set(
        (await tx.eveType.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((t) => t.id),
      );
      const row = (t: TypeBody) => ({
        name: t.name,
        groupId: t.group_id,
        published: t.published,
        volume: t.volume ?? null,
        marketGroupId: t.market_group_id ?? null,
      });
      const fresh = types.filter((t) => !existing.has(t.type_id));
      if (fresh.length > 0)
        await insertRows(tx, "EveType", {
          data: fresh.map((t) => ({ id: t.type_id, ...row(t) })),
          skipDuplicates: true,
        });
      for (const t of types)
        if (existing.has(t.type_id)) await tx.eveType.update({ where: { id: t.type_id }, data: row(t) });
      await tx.eveTypeDogmaAttribute.deleteMany({ where: { typeId: { in: ids } } });
      const dogma = types.flatMap((t) =>
        (t.dogma_attributes ?? []).map((a) => ({ typeId: t.type_id, attributeId: a.attribute_id, value: a.value })),
      );
      if (dogma.length > 0) await insertRows(tx, "EveTypeDogmaAttribute", { data: dogma, skipDuplicates: true });
    },
    { timeout: 60_000 },
  );
  return types.length;
}

/**
 * Type ids stored by sections (and skill sets) that EveType does not know yet, in one
 * query; with `characterId`, only that character's section rows (after its update,
 * through the primary keys that lead with characterId). Ids ESI answered 404 for are
 * left out by resolveTypes, not here.
 */
export async function unknownReferencedTypeIds(db: Db, limit = 10_000, characterId?: number): Promise<number[]> {
  const mine = characterId === undefined ? Prisma.sql`TRUE` : Prisma.sql`"characterId" = ${characterId}`;
  const shared = characterId === undefined ? Prisma.sql`TRUE` : Prisma.sql`FALSE`;
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    SELECT DISTINCT r.id FROM (
      SELECT "skillId" AS id FROM "CharacterSkill" WHERE ${mine}
      UNION SELECT "skillId" FROM "CharacterSkillqueueEntry" WHERE ${mine}
      UNION SELECT "typeId" FROM "CharacterImplant" WHERE ${mine}
      UNION SELECT "typeId" FROM "CharacterJumpCloneImplant" WHERE ${mine}
      UNION SELECT "typeId" FROM "CharacterShip" WHERE ${mine}
      UNION SELECT "typeId" FROM "CharacterAsset" WHERE ${mine}
      UNION SELECT "typeId" FROM "CharacterContractItem" WHERE ${mine}
      UNION SELECT "typeId" FROM "CharacterBlueprint" WHERE ${mine}
      UNION SELECT "blueprintTypeId" FROM "CharacterIndustryJob" WHERE ${mine}
      UNION SELECT "productTypeId" FROM "CharacterIndustryJob" WHERE ${mine}
      UNION SELECT "typeId" FROM "CharacterMarketOrder" WHERE ${mine}
      UNION SELECT "typeId" FROM "CharacterMiningLedgerEntry" WHERE ${mine}
      UNION SELECT "typeId" FROM "CharacterWalletTransaction" WHERE ${mine}
      UNION SELECT "shipTypeId" FROM "CharacterFitting" WHERE ${mine}
      UNION SELECT (item->>'type_id')::int FROM "CharacterFitting" f
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f."items") = 'array' THEN f."items" ELSE '[]'::jsonb END) AS item
        WHERE ${characterId === undefined ? Prisma.sql`TRUE` : Prisma.sql`f."characterId" = ${characterId}`}
      UNION SELECT "victimShipTypeId" FROM "CharacterKillmail" WHERE ${mine}
      UNION SELECT "typeId" FROM "Location" WHERE ${shared}
      UNION SELECT "skillTypeId" FROM "SkillSetSkill" WHERE ${shared}
      UNION SELECT "shipTypeId" FROM "SkillSet" WHERE ${shared}
    ) r
    WHERE r.id IS NOT NULL AND r.id > 0 AND NOT EXISTS (SELECT 1 FROM "EveType" t WHERE t.id = r.id)
    ORDER BY r.id
    LIMIT ${limit}`;
  return rows.map((r) => Number(r.id));
}

/** Forgets the process's list of ids ESI does not know (tests). */
export function forgetUnknownTypes(): void {
  unknownToEsi.clear();
}

/** A busy character references some 2,500 distinct types; the cap only bounds one step's look-ups. */
const CHARACTER_TYPES_LIMIT = 5_000;

/**
 * Names the types one character's rows reference and EveType lacks, after each section
 * of its update that stored something, so a new character's sheet reads well (names,
 * volumes) at once instead of after the next resolve-eve-types sweep. A failure here
 * costs nothing but names: the sweep finds the ids again.
 */
export async function resolveCharacterTypes(
  deps: { db: Db; esi: EsiClient },
  characterId: number,
): Promise<{ unknown: number; stored: number }> {
  const ids = await unknownReferencedTypeIds(deps.db, CHARACTER_TYPES_LIMIT, characterId);
  const resolved = ids.length > 0 ? await resolveTypes(deps, ids).catch(() => null) : null;
  return { unknown: ids.length, stored: resolved?.stored ?? 0 };
}
