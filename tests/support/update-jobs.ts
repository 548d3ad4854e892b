// Character updates as the embedded runner runs them in the app: one `update-character` run per
// character, queued in pg-boss on the given database and worked with `concurrency` runs at once,
// against the simulator. For the tests that watch what the database sees under that load
// (the pool bound, PgBouncer in transaction mode).
import type { Db } from "~/server/db/client";
import { updateCharacter } from "~/server/jobs/definitions/update-character";
import { characterUpdate } from "~/server/jobs/events";
import type { RunOutcome } from "~/server/jobs/embedded-runner";
import { findSection } from "~/server/sections/registry";
import type { SectionName } from "~/server/sections/registry";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { testRunner } from "./job-runner";
import { makeClient, registerWithToken } from "./simulator";

/** The simulator's synthetic characters (realistic volumes), numbered from here. */
export const FIRST_SYNTHETIC = 2113000001;
/** Sections that cover the write styles: one row, a replaced set, a paged append-only journal. */
export const LOAD_SECTIONS: SectionName[] = ["wallet_balance", "skills", "contacts", "wallet_journal"];

export function loadCharacters(count: number): number[] {
  return Array.from({ length: count }, (_, i) => FIRST_SYNTHETIC + i);
}

/** Registers the characters with a real grant for `sections`' scopes. */
export async function registerLoadCharacters(
  db: Db,
  simUrl: string,
  characters: number[],
  sections: SectionName[] = LOAD_SECTIONS,
): Promise<void> {
  const scopes = [...new Set(sections.flatMap((s) => findSection(s)!.scopes))];
  for (const id of characters) await registerWithToken(db, simUrl, id, { scopes });
}

/** Queues one forced update per character and works them all; resolves with the runner's outcomes. */
export async function runUpdateJobs(
  db: Db,
  simUrl: string,
  characters: number[],
  options: { concurrency: number; sections?: SectionName[] },
): Promise<RunOutcome[]> {
  const esi = makeClient(db, simUrl);
  const jobs = [updateCharacter(() => updateDepsFrom({ db, esi }), DEFAULT_ENGINE_SETTINGS)];
  const runner = testRunner(db, jobs, { concurrency: options.concurrency });
  try {
    await runner.start();
    await runner.send(
      characters.map((characterId) => ({
        name: characterUpdate.name,
        data: { characterId, sections: options.sections ?? LOAD_SECTIONS, force: true },
      })),
    );
    await runner.idle();
    return [...runner.outcomes];
  } finally {
    await runner.stop();
    await esi.close();
  }
}
