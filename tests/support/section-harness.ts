// The environment bound to one character and one section, for test files that
// write their own checks for a single section and only share the set-up and the
// failure and token checks.
import type { SectionUpdateStatus } from "@prisma/client";
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import type { SectionDefinition, SectionSettings } from "~/server/sections/types";
import type { SectionRunOutcome } from "~/server/updates/update-section";
import type { Simulator } from "~/simulator/server";
import { expectFailureKeeps, expectTokenError, type Fault } from "./section-checks";
import { type EnvOptions, type SectionEnv, useSectionEnv } from "./section-env";

export interface SectionHarness {
  readonly env: SectionEnv;
  readonly db: Db;
  readonly sim: Simulator;
  /** The character's current client; the token check replaces it. */
  readonly esi: EsiClient;
  readonly reported: SectionEnv["reported"];
  run(force?: boolean, settings?: Partial<SectionSettings>): Promise<SectionRunOutcome>;
  status(): Promise<SectionUpdateStatus>;
  forgetContentHash(): Promise<void>;
  /** `fault` is the route answering 500, or a route with another status. */
  expectFailureKeeps<T>(fault: string | Fault, snapshot: () => Promise<T>): Promise<void>;
  expectTokenError(): Promise<void>;
}

export function useSectionHarness(
  characterId: number,
  section: SectionDefinition<any>,
  options: EnvOptions = {},
): SectionHarness {
  const env = useSectionEnv([{ id: characterId, scopes: section.scopes }], options);
  return {
    env,
    get db() {
      return env.db;
    },
    get sim() {
      return env.sim;
    },
    get esi() {
      return env.esi(characterId);
    },
    reported: env.reported,
    run: (force = false, settings) => env.run(characterId, section, { force, settings }),
    status: () => env.status(characterId, section),
    forgetContentHash: () => env.forgetContentHash(characterId, section),
    expectFailureKeeps: (fault, snapshot) =>
      expectFailureKeeps(env, characterId, section, typeof fault === "string" ? { route: fault } : fault, snapshot),
    expectTokenError: () => expectTokenError(env, characterId, section),
  };
}
