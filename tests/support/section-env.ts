// One test database and one simulator per test file, with roster characters
// registered through the simulator's SSO and a client each: the set-up every
// section test shares. Each character has its own client so that revoking one
// character's token (the invalid-token check) leaves the others' runs alone.
import type { SectionUpdateStatus } from "@prisma/client";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import type { SectionDefinition, SectionSettings } from "~/server/sections/types";
import { resolveLocations } from "~/server/universe/locations";
import { type SectionRunOutcome, type UpdateDeps, updateSection } from "~/server/updates/update-section";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "./simulator";
import { createTestDatabase, type TestDatabase } from "./database";

/** The simulator's SSO issues no refresh token for a sign-in without scopes, so public sections borrow one. */
const SIGN_IN_SCOPE = "esi-skills.read_skills.v1";

export interface EnvCharacter {
  id: number;
  scopes: readonly string[];
}

export interface EnvOptions {
  /**
   * Resolve reported locations into the shared table through ESI, as production
   * does; otherwise they are only recorded (no extra requests, nothing to fail).
   */
  resolveLocations?: boolean;
  /** Wraps the client of every run, e.g. to count the requests to one route. */
  decorate?: (esi: EsiClient) => EsiClient;
}

export interface RunOptions {
  force?: boolean;
  settings?: Partial<SectionSettings>;
}

export interface SectionEnv {
  readonly db: Db;
  readonly sim: Simulator;
  /** The ids each run handed to the resolvers, one array per call (locations only when not resolved for real). */
  readonly reported: { readonly entities: number[][]; readonly locations: bigint[][] };
  esi(characterId: number): EsiClient;
  run(characterId: number, section: SectionDefinition<any>, options?: RunOptions): Promise<SectionRunOutcome>;
  status(characterId: number, section: SectionDefinition<any>): Promise<SectionUpdateStatus>;
  /** Makes the next run persist even when ESI returns what it returned before. */
  forgetContentHash(characterId: number, section: SectionDefinition<any>): Promise<void>;
  /** Revokes the grant and expires the access token, then starts a client that remembers nothing (a new process). */
  invalidateToken(characterId: number): Promise<void>;
}

export function useSectionEnv(characters: readonly EnvCharacter[], options: EnvOptions = {}): SectionEnv {
  let t: TestDatabase;
  let sim: Simulator;
  let url: string;
  const clients = new Map<number, EsiClient>();
  const reported = { entities: [] as number[][], locations: [] as bigint[][] };

  beforeAll(async () => {
    t = await createTestDatabase();
    ({ sim, url } = await startSim());
    for (const c of characters) {
      await registerWithToken(t.db, url, c.id, { scopes: c.scopes.length > 0 ? [...c.scopes] : [SIGN_IN_SCOPE] });
      clients.set(c.id, makeClient(t.db, url));
    }
  });
  afterAll(async () => {
    for (const client of clients.values()) await client.close();
    await sim?.close();
    await t?.drop();
  });

  const client = (characterId: number): EsiClient => {
    const found = clients.get(characterId);
    if (!found) throw new Error(`character ${characterId} is not registered in this test file's environment`);
    return found;
  };
  const key = (characterId: number, section: SectionDefinition<any>) => ({
    characterId_section: { characterId, section: section.name },
  });
  const resolvers = (esi: EsiClient): UpdateDeps["resolvers"] => ({
    entities: async (ids) => reported.entities.push(ids),
    locations: options.resolveLocations
      ? (characterId, ids) => resolveLocations({ db: t.db, esi }, characterId, ids)
      : async (_, ids) => reported.locations.push(ids),
  });

  return {
    get db() {
      return t.db;
    },
    get sim() {
      return sim;
    },
    reported,
    esi: client,
    run(characterId, section, { force = false, settings } = {}) {
      const esi = client(characterId);
      return updateSection(
        { db: t.db, esi: options.decorate ? options.decorate(esi) : esi, resolvers: resolvers(esi) },
        characterId,
        section,
        { force, settings: { ...DEFAULT_SECTION_SETTINGS, ...settings } },
      );
    },
    status: (characterId, section) => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: key(characterId, section) }),
    async forgetContentHash(characterId, section) {
      await t.db.sectionUpdateStatus.update({ where: key(characterId, section), data: { contentHash: null } });
    },
    async invalidateToken(characterId) {
      sim.revokeCharacterTokens(characterId);
      await t.db.esiToken.update({ where: { characterId }, data: { accessTokenExpiresAt: new Date(0) } });
      await client(characterId).close();
      clients.set(characterId, makeClient(t.db, url));
    },
  };
}
