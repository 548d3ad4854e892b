// The template's five checks (first load, no change, changed data, ESI failure,
// invalid token) for several sections sharing one test database and simulator,
// each section on its own roster character so revoking one token affects one case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import type { SectionDefinition } from "~/server/sections/types";
import { updateSection } from "~/server/updates/update-section";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../esi/support/sim";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

export interface SectionCase {
  section: SectionDefinition<any>;
  character: number;
  /** The ESI route the fault is injected on. */
  route: string;
  /** The section's stored rows, in the shape `expected` builds. */
  stored(db: Db, characterId: number): Promise<unknown>;
  /** The same rows built from the simulator's current data. */
  expected(characterId: number): unknown;
  /** A simulator mutation that changes this section's data. */
  mutation?: "skills";
  /** Damages stored rows so a forced run must write back exactly `rows` of them (proves the diff). */
  tamper?: { apply(db: Db, characterId: number): Promise<void>; rows: number };
  /** Public route: works without a valid token. */
  isPublic?: boolean;
}

export const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
export const isoOf = (s: string | undefined) => (s ? new Date(s).toISOString() : null);

export function sectionSuite(cases: readonly SectionCase[]): void {
  let t: TestDatabase;
  let sim: Simulator;
  let url: string;
  const clients = new Map<number, EsiClient>();

  beforeAll(async () => {
    t = await createTestDatabase();
    const started = await startSim();
    sim = started.sim;
    url = started.url;
    for (const c of cases) {
      const scopes = c.section.scopes.length > 0 ? [...c.section.scopes] : ["esi-skills.read_skills.v1"];
      await registerWithToken(t.db, url, c.character, { scopes });
      clients.set(c.character, makeClient(t.db, url));
    }
  });
  afterAll(async () => {
    for (const client of clients.values()) await client.close();
    await sim?.close();
    await t?.drop();
  });

  for (const c of cases) {
    const name = c.section.name;
    const run = (force = false) =>
      updateSection({ db: t.db, esi: clients.get(c.character)! }, c.character, c.section, { force, settings: DEFAULT_SECTION_SETTINGS });
    const status = () => t.db.sectionUpdateStatus.findUniqueOrThrow({ where: { characterId_section: { characterId: c.character, section: name } } });
    const stored = () => c.stored(t.db, c.character);

    describe(`${name} section`, () => {
      it("loads the simulator's data on first run and records success", async () => {
        const outcome = await run();
        expect(outcome).toMatchObject({ section: name, status: "updated" });
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

      if (c.mutation) {
        const kind = c.mutation;
        it("stores changed data", async () => {
          const before = await stored();
          sim.mutateCharacter(c.character, kind);
          sim.expireCaches(c.character);
          expect((await run(true)).status).toBe("updated");
          const after = await stored();
          expect(after).not.toEqual(before);
          expect(after).toEqual(c.expected(c.character));
        });
      }

      if (c.tamper) {
        const tamper = c.tamper;
        it("rewrites only the rows that differ", async () => {
          await tamper.apply(t.db, c.character);
          // Forget the content hash so the engine persists although ESI's data is the same.
          await t.db.sectionUpdateStatus.update({
            where: { characterId_section: { characterId: c.character, section: name } },
            data: { contentHash: null },
          });
          expect(await run(true)).toEqual({ section: name, status: "updated", written: tamper.rows });
          expect(await stored()).toEqual(c.expected(c.character));
        });
      }

      it("keeps the last good data and records the error when ESI fails", async () => {
        const before = await stored();
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

      it(c.isPublic ? "needs no token (a revoked one does not matter)" : "records an invalid token as a token error", async () => {
        sim.revokeCharacterTokens(c.character);
        await t.db.esiToken.update({ where: { characterId: c.character }, data: { accessTokenExpiresAt: new Date(0) } });
        await clients.get(c.character)?.close();
        clients.set(c.character, makeClient(t.db, url));
        const outcome = await run(true);
        if (c.isPublic) {
          expect(outcome.status).not.toBe("failed");
          expect((await status()).isSuccess).toBe(true);
          expect(await stored()).toEqual(c.expected(c.character));
        } else {
          expect(outcome).toMatchObject({ status: "failed", tokenError: true });
          expect((await status()).isTokenError).toBe(true);
          expect((await t.db.esiToken.findUniqueOrThrow({ where: { characterId: c.character } })).status).toBe("INVALID");
        }
      });
    });
  }
}
