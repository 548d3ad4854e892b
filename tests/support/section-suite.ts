// The section template's checks (first load, no change, changed data, a stored-row
// diff, ESI failure, invalid token) generated for a list of sections. Each section
// runs as its own roster character: revoking one case's token affects that case only.
import { describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { SectionDefinition } from "~/server/sections/types";
import type { Simulator } from "~/simulator/server";
import { expectFailureKeeps, expectTokenError } from "./section-checks";
import { type EnvCharacter, type SectionEnv, useSectionEnv } from "./section-env";

export type Mutation = Parameters<Simulator["mutateCharacter"]>[1];

export interface SectionCase {
  section: SectionDefinition<any>;
  character: number;
  /** The ESI route the fault is injected on. */
  route: string;
  /** The section's stored rows, in the shape `expected` builds. */
  stored(db: Db, characterId: number): Promise<unknown>;
  /** The same rows built from the simulator's current data. */
  expected(characterId: number): unknown;
  /**
   * A simulator mutation that changes this section's data. Without one there is no
   * changed-data check, and the failure check cannot show that new data stays out.
   */
  mutation?: Mutation;
  /** Scopes beyond the section's own (e.g. for the optional current ship in assets). */
  extraScopes?: string[];
  /** Damages stored rows so a forced run must write back exactly `rows` of them (proves the diff). */
  tamper?: { apply(db: Db, characterId: number): Promise<void>; rows: number };
  /** Public route: works without a valid token. */
  isPublic?: boolean;
}

export interface SuiteOptions {
  /** Characters the file's own tests need beyond the cases'. */
  extraCharacters?: EnvCharacter[];
  /** See EnvOptions: for sections whose tests read the shared location table. */
  resolveLocations?: boolean;
}

/** Registers the characters, generates the checks for each case and hands back the environment for extra tests. */
export function sectionSuite(cases: readonly SectionCase[], options: SuiteOptions = {}): SectionEnv {
  const characters = [
    ...cases.map((c) => ({ id: c.character, scopes: [...c.section.scopes, ...(c.extraScopes ?? [])] })),
    ...(options.extraCharacters ?? []),
  ];
  const env = useSectionEnv(characters, { resolveLocations: options.resolveLocations });
  for (const c of cases) describeCase(env, c);
  return env;
}

function describeCase(env: SectionEnv, c: SectionCase): void {
  const name = c.section.name;
  const run = (force = false) => env.run(c.character, c.section, { force });
  const status = () => env.status(c.character, c.section);
  const stored = () => c.stored(env.db, c.character);

  describe(`${name} section`, () => {
    it("loads the simulator's data on first run and records success", async () => {
      expect(await run()).toMatchObject({ section: name, status: "updated" });
      expect(await stored()).toEqual(c.expected(c.character));
      expect((await status()).isSuccess).toBe(true);
    });

    it("writes no section row when nothing changed, even when forced", async () => {
      const before = await stored();
      expect((await run()).status).toBe("unchanged");
      env.sim.expireCaches(c.character);
      expect(await run(true)).toMatchObject({ status: "unchanged" });
      expect(await stored()).toEqual(before);
    });

    const mutation = c.mutation;
    if (mutation) {
      it("stores changed data", async () => {
        const before = await stored();
        env.sim.mutateCharacter(c.character, mutation);
        env.sim.expireCaches(c.character);
        expect((await run(true)).status).toBe("updated");
        const after = await stored();
        expect(after).not.toEqual(before);
        expect(after).toEqual(c.expected(c.character));
      });
    }

    const tamper = c.tamper;
    if (tamper) {
      it("rewrites only the rows that differ", async () => {
        await tamper.apply(env.db, c.character);
        // Forget the content hash so the engine persists although ESI's data is the same.
        await env.forgetContentHash(c.character, c.section);
        expect(await run(true)).toEqual({ section: name, status: "updated", written: tamper.rows });
        expect(await stored()).toEqual(c.expected(c.character));
      });
    }

    it("keeps the last good data and records the error when ESI fails", async () => {
      // New data waiting in ESI: the failed run must not have written any of it.
      if (mutation) env.sim.mutateCharacter(c.character, mutation);
      await expectFailureKeeps(env, c.character, c.section, { route: c.route }, stored);
    });

    if (c.isPublic) {
      it("needs no token (a revoked one does not matter)", async () => {
        await env.invalidateToken(c.character);
        expect((await run(true)).status).not.toBe("failed");
        expect((await status()).isSuccess).toBe(true);
        expect(await stored()).toEqual(c.expected(c.character));
      });
    } else {
      it("records an invalid token as a token error", () => expectTokenError(env, c.character, c.section));
    }
  });
}
