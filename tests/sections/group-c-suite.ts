// Shared set-up for group C's section tests: one test database and simulator per
// file, one roster character per section (revoking a token affects one case), and
// the template's checks: first load, no change, changed data, ESI failure, invalid token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import type { SectionDefinition, SectionSettings } from "~/server/sections/types";
import { resolveLocations } from "~/server/universe/locations";
import { updateSection } from "~/server/updates/update-section";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

export interface GroupCCase {
  section: SectionDefinition<any>;
  character: number;
  /** The ESI route the fault is injected on. */
  route: string;
  mutation: "assets" | "location";
  /** Scopes beyond the section's own (e.g. for the optional current ship in assets). */
  extraScopes?: string[];
  /** The section's stored rows, in the shape `expected` builds. */
  stored(db: Db, characterId: number): Promise<unknown>;
  /** The same rows built from the simulator's current data. */
  expected(characterId: number): unknown;
}

export interface GroupCEnv {
  db(): Db;
  sim(): Simulator;
  run(characterId: number, section: SectionDefinition<any>, options?: { force?: boolean; settings?: Partial<SectionSettings> }): ReturnType<typeof updateSection>;
}

export const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
export const isoOf = (s: string | undefined) => (s ? new Date(s).toISOString() : null);

/** Registers the characters, runs the checks for each case and hands back the environment for extra tests. */
export function groupCSuite(cases: readonly GroupCCase[], extraCharacters: { id: number; scopes: string[] }[] = []): GroupCEnv {
  let t: TestDatabase;
  let sim: Simulator;
  let url: string;
  const clients = new Map<number, EsiClient>();
  const client = (id: number) => clients.get(id) as EsiClient;

  beforeAll(async () => {
    t = await createTestDatabase();
    const started = await startSim();
    sim = started.sim;
    url = started.url;
    const characters = [...cases.map((c) => ({ id: c.character, scopes: [...c.section.scopes, ...(c.extraScopes ?? [])] })), ...extraCharacters];
    for (const c of characters) {
      await registerWithToken(t.db, url, c.id, { scopes: c.scopes });
      clients.set(c.id, makeClient(t.db, url));
    }
  });
  afterAll(async () => {
    for (const c of clients.values()) await c.close();
    await sim?.close();
    await t?.drop();
  });

  const env: GroupCEnv = {
    db: () => t.db,
    sim: () => sim,
    run: (characterId, section, options = {}) => {
      const esi = client(characterId);
      return updateSection(
        { db: t.db, esi, resolvers: { locations: (id, ids) => resolveLocations({ db: t.db, esi }, id, ids) } },
        characterId,
        section,
        { force: options.force ?? false, settings: { ...DEFAULT_SECTION_SETTINGS, ...options.settings } },
      );
    },
  };

  for (const c of cases) {
    const name = c.section.name;
    const run = (force = false) => env.run(c.character, c.section, { force });
    const status = () => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: { characterId_section: { characterId: c.character, section: name } } });
    const stored = () => c.stored(t.db, c.character);

    describe(`${name} section`, () => {
      it("loads the simulator's data on first run and records success", async () => {
        expect(await run()).toMatchObject({ section: name, status: "updated" });
        expect(await stored()).toEqual(c.expected(c.character));
        expect((await status()).isSuccess).toBe(true);
      });

      it("writes no section row when nothing changed, even when forced", async () => {
        const before = await stored();
        expect((await run()).status).toBe("unchanged");
        sim.expireCaches(c.character);
        expect(await run(true)).toMatchObject({ status: "unchanged" });
        expect(await stored()).toEqual(before);
      });

      it("stores changed data", async () => {
        const before = await stored();
        sim.mutateCharacter(c.character, c.mutation);
        sim.expireCaches(c.character);
        expect((await run(true)).status).toBe("updated");
        const after = await stored();
        expect(after).not.toEqual(before);
        expect(after).toEqual(c.expected(c.character));
      });

      it("keeps the last good data and records the error when ESI fails", async () => {
        const before = await stored();
        sim.mutateCharacter(c.character, c.mutation);
        sim.expireCaches(c.character);
        sim.injectFault({ route: c.route, kind: "status", status: 500 });
        const outcome = await run(true);
        sim.clearFaults();
        expect(outcome.status).toBe("failed");
        const s = await status();
        expect(s.isSuccess).toBe(false);
        expect(s.errorMessage).toBeTruthy();
        expect(await stored()).toEqual(before);
      });

      it("records an invalid token as a token error", async () => {
        sim.revokeCharacterTokens(c.character);
        await t.db.esiToken.update({ where: { characterId: c.character }, data: { accessTokenExpiresAt: new Date(0) } });
        await client(c.character).close();
        clients.set(c.character, makeClient(t.db, url));
        expect(await run(true)).toMatchObject({ status: "failed", tokenError: true });
        expect((await status()).isTokenError).toBe(true);
        expect((await t.db.esiToken.findUniqueOrThrow({ where: { characterId: c.character } })).status).toBe("INVALID");
      });
    });
  }
  return env;
}
