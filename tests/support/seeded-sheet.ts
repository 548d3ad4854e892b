// Set-up shared by the wallet, mail, contacts and contracts sheet tests: a database,
// the simulator, one character registered to its owner with real tokens, its sections
// loaded by the real section updates (names and places resolved through the real
// resolvers), and tRPC calls over the fetch adapter as the owner, a stranger or an admin.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, expect } from "vitest";
import { appRouter } from "~/server/api/root";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import type { CurrentUser } from "~/server/auth/session";
import { signInWithCharacter } from "~/server/characters/registration";
import type { AppDeps } from "~/server/deps";
import type { EsiClient } from "~/server/esi/client";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import type { SectionDefinition } from "~/server/sections/types";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { updateSection } from "~/server/updates/update-section";
import { findCategory, findGroup, findType } from "~/simulator/sde";
import type { Simulator } from "~/simulator/server";
import { cipher, makeClient, registerWithToken, startSim } from "./simulator";
import { createTestDatabase, type TestDatabase } from "./database";
import { testAppDeps } from "./app-deps";

export type Caller = "owner" | "stranger" | "admin";

export interface SeededSheet {
  readonly t: TestDatabase;
  readonly sim: Simulator;
  readonly esi: EsiClient;
  /** A tRPC query as `as`, over HTTP like the app serves it. */
  query<T = unknown>(
    as: Caller,
    path: string,
    input: unknown,
  ): Promise<{ status: number; data: T; error?: { message: string } }>;
  /** The data of a successful query (fails the test otherwise). */
  ok<T = any>(path: string, input: unknown, as?: Caller): Promise<T>;
  /** Stores these EVE types (with group and category) from the simulator's static data, as the type loader would. */
  seedTypes(ids: Iterable<number>): Promise<void>;
}

const identity = (id: number): EveIdentity => ({
  characterId: id,
  characterName: `P${id}`,
  ownerHash: `owner-${id}`,
  scopes: [],
  expiresAt: new Date(),
});

export function useSeededSheet(characterId: number, sections: SectionDefinition<any>[]): SeededSheet {
  let t: TestDatabase;
  let sim: Simulator;
  let esi: EsiClient;
  const users = {} as Record<Caller, CurrentUser>;
  let deps: AppDeps;

  beforeAll(async () => {
    t = await createTestDatabase();
    const started = await startSim();
    sim = started.sim;
    // The first user of an install is superuser: the admin signs in first.
    for (const [caller, id] of [
      ["admin", 90000001],
      ["owner", characterId],
      ["stranger", 90000002],
    ] as const) {
      const { userId } = await signInWithCharacter({ db: t.db, cipher }, identity(id));
      users[caller] = (await t.db.user.findUniqueOrThrow({
        where: { id: userId },
        include: { mainCharacter: true },
      })) as CurrentUser;
    }
    await registerWithToken(t.db, started.url, characterId, {
      scopes: [...new Set(sections.flatMap((s) => [...s.scopes]))],
    });
    esi = makeClient(t.db, started.url);
    deps = testAppDeps({ db: t.db, cipher, esi, sso: { baseUrl: started.url } });
    for (const section of sections) {
      const outcome = await updateSection(updateDepsFrom({ db: t.db, esi }), characterId, section, {
        settings: DEFAULT_SECTION_SETTINGS,
      });
      expect(outcome.status, JSON.stringify(outcome)).toBe("updated");
    }
  }, 240_000);
  afterAll(async () => {
    await esi?.close();
    await sim?.close();
    await t?.drop();
  });

  const harness: SeededSheet = {
    get t() {
      return t;
    },
    get sim() {
      return sim;
    },
    get esi() {
      return esi;
    },
    async query(as, path, input) {
      const encoded = JSON.stringify(superjson.serialize(input));
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(`http://x/api/trpc/${path}?input=${encodeURIComponent(encoded)}`),
        router: appRouter,
        createContext: async () => ({ deps, user: users[as] }),
      });
      const body = (await response.json()) as { result?: { data: unknown }; error?: { json: { message: string } } };
      const data = body.result ? superjson.deserialize(body.result.data as never) : undefined;
      return { status: response.status, data: data as never, error: body.error?.json };
    },
    async ok(path, input, as = "owner") {
      const answer = await harness.query(as, path, input);
      expect(answer.status, answer.error?.message).toBe(200);
      return answer.data as never;
    },
    async seedTypes(ids) {
      const types = [...new Set(ids)].map((id) => findType(id)).filter((x) => x !== undefined);
      const groups = [...new Map(types.map((x) => [x.groupId, findGroup(x.groupId)!])).values()];
      const categories = [...new Map(groups.map((g) => [g.categoryId, findCategory(g.categoryId)!])).values()];
      await t.db.eveCategory.createMany({
        data: categories.map((c) => ({ id: c.id, name: c.name })),
        skipDuplicates: true,
      });
      await t.db.eveGroup.createMany({
        data: groups.map((g) => ({ id: g.id, name: g.name, categoryId: g.categoryId })),
        skipDuplicates: true,
      });
      await t.db.eveType.createMany({
        data: types.map((x) => ({ id: x.id, name: x.name, groupId: x.groupId })),
        skipDuplicates: true,
      });
    },
  };
  return harness;
}
