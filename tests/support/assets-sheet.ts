// Set-up shared by the assets, skills, skill queue and clones sheet tests: a fresh
// database, the simulator, roster characters loaded by real section updates, the
// EVE types they mention (from the simulator's static data, as the type loader
// would store them), an owner and a stranger, and tRPC calls through the fetch
// adapter the app serves.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll } from "vitest";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import type { Db } from "~/server/db/client";
import type { AppDeps } from "~/server/deps";
import type { EsiClient } from "~/server/esi/client";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import type { SectionDefinition } from "~/server/sections/types";
import { resolveLocations } from "~/server/universe/locations";
import { updateSection } from "~/server/updates/update-section";
import { findCategory, findGroup, findType } from "~/simulator/sde";
import type { Simulator } from "~/simulator/server";
import { cipher, makeClient, registerWithToken, startSim } from "./simulator";
import { createTestDatabase, type TestDatabase } from "./database";
import { testAppDeps } from "./app-deps";

export interface SheetCharacter {
  id: number;
  sections: SectionDefinition<any>[];
  extraScopes?: string[];
}

export interface SheetEnv {
  db(): Db;
  sim(): Simulator;
  /** Runs a real (forced) section update, e.g. after mutating the simulator's data. */
  update(characterId: number, section: SectionDefinition<any>): ReturnType<typeof updateSection>;
  /** Calls a tRPC query as "owner" (owns every loaded character) or "stranger" (basic access only). */
  call<T = any>(
    as: "owner" | "stranger",
    path: string,
    input: unknown,
  ): Promise<{ status: number; data: T; error?: { message: string } }>;
}

/** Stores the simulator's static data for these type ids (type, group, category), skipping unknown ids. */
export async function seedEveTypes(db: Db, typeIds: Iterable<number>): Promise<void> {
  const types = [...new Set(typeIds)].flatMap((id) => findType(id) ?? []);
  const groups = [...new Set(types.map((t) => t.groupId))].flatMap((id) => findGroup(id) ?? []);
  const categories = [...new Set(groups.map((g) => g.categoryId))].flatMap((id) => findCategory(id) ?? []);
  await db.eveCategory.createMany({
    data: categories.map((c) => ({ id: c.id, name: c.name, published: c.published })),
    skipDuplicates: true,
  });
  await db.eveGroup.createMany({
    data: groups.map((g) => ({ id: g.id, name: g.name, categoryId: g.categoryId, published: g.published })),
    skipDuplicates: true,
  });
  await db.eveType.createMany({
    data: types.map((t) => ({
      id: t.id,
      name: t.name,
      groupId: t.groupId,
      published: t.published,
      volume: t.volume ?? null,
      marketGroupId: t.marketGroupId ?? null,
    })),
    skipDuplicates: true,
  });
}

/** Every type id the loaded sections refer to. */
async function referencedTypeIds(db: Db): Promise<number[]> {
  const [assets, skills, queue, implants, cloneImplants] = await Promise.all([
    db.characterAsset.findMany({ select: { typeId: true }, distinct: ["typeId"] }),
    db.characterSkill.findMany({ select: { skillId: true }, distinct: ["skillId"] }),
    db.characterSkillqueueEntry.findMany({ select: { skillId: true }, distinct: ["skillId"] }),
    db.characterImplant.findMany({ select: { typeId: true }, distinct: ["typeId"] }),
    db.characterJumpCloneImplant.findMany({ select: { typeId: true }, distinct: ["typeId"] }),
  ]);
  return [
    ...assets.map((r) => r.typeId),
    ...skills.map((r) => r.skillId),
    ...queue.map((r) => r.skillId),
    ...implants.map((r) => r.typeId),
    ...cloneImplants.map((r) => r.typeId),
  ];
}

export function sheetEnv(
  characters: SheetCharacter[],
  options: { strangerCharacterId: number; seedTypes?: boolean },
): SheetEnv {
  let t: TestDatabase;
  let sim: Simulator;
  let deps: AppDeps;
  const clients = new Map<number, EsiClient>();
  const update = (characterId: number, section: SectionDefinition<any>) => {
    const db = t.db;
    const esi = clients.get(characterId)!;
    return updateSection(
      { db, esi, resolvers: { locations: (id, ids) => resolveLocations({ db, esi }, id, ids) } },
      characterId,
      section,
      {
        force: true,
        settings: DEFAULT_SECTION_SETTINGS,
      },
    );
  };
  const users: Record<"owner" | "stranger", CurrentUser> = {} as never;

  beforeAll(async () => {
    t = await createTestDatabase();
    const started = await startSim();
    sim = started.sim;
    const db = t.db;
    for (const c of characters) {
      const scopes = [...new Set([...c.sections.flatMap((s) => s.scopes), ...(c.extraScopes ?? [])])];
      await registerWithToken(db, started.url, c.id, { scopes });
      clients.set(c.id, makeClient(db, started.url));
      for (const section of c.sections) {
        const outcome = await update(c.id, section);
        if (outcome.status !== "updated") throw new Error(`${section.name} of ${c.id}: ${JSON.stringify(outcome)}`);
      }
    }
    if (options.seedTypes !== false) await seedEveTypes(db, await referencedTypeIds(db));

    await db.group.create({ data: { id: "members", name: "Members", permissions: ["basic_access"] } });
    await db.eveCharacter.upsert({
      where: { id: options.strangerCharacterId },
      create: { id: options.strangerCharacterId, name: "Stranger" },
      update: {},
    });
    for (const [name, main, owned] of [
      ["owner", characters[0]!.id, characters.map((c) => c.id)],
      ["stranger", options.strangerCharacterId, [options.strangerCharacterId]],
    ] as const) {
      await db.user.create({
        data: { id: name, mainCharacterId: main, memberships: { create: { groupId: "members" } } },
      });
      await db.characterOwnership.createMany({
        data: owned.map((characterId) => ({ characterId, userId: name, ownerHash: `h${characterId}` })),
      });
      users[name] = (await db.user.findUniqueOrThrow({
        where: { id: name },
        include: { mainCharacter: true },
      })) as CurrentUser;
    }
    deps = testAppDeps({
      db,
      cipher,
      esi: clients.get(characters[0]!.id)!,
      sso: { baseUrl: started.url },
    });
  }, 240_000);

  afterAll(async () => {
    for (const c of clients.values()) await c.close();
    await sim?.close();
    await t?.drop();
  });

  return {
    db: () => t.db,
    sim: () => sim,
    update,
    async call(as, path, input) {
      const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(`http://x/api/trpc/${path}?input=${encoded}`),
        router: appRouter,
        createContext: async () => ({ deps, user: users[as] }),
      });
      const body = (await response.json()) as { result?: { data: unknown }; error?: { json: { message: string } } };
      const data = body.result ? superjson.deserialize(body.result.data as never) : undefined;
      return { status: response.status, data: data as never, error: body.error?.json };
    },
  };
}
