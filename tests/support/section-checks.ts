// The checks every section owes, whatever its shape: an ESI failure mid-update
// leaves the last good data and records the error; a revoked grant is recorded as
// a token error and marks the token invalid, so no later run retries it.
import { expect } from "vitest";
import type { SectionDefinition } from "~/server/sections/types";
import type { FaultStatus } from "~/simulator/faults/rule";
import type { SectionEnv } from "./section-env";

export interface Fault {
  route: string;
  /** The HTTP status the simulator answers with; 500 unless a section needs another. */
  status?: FaultStatus;
}

export async function expectFailureKeeps<T>(
  env: SectionEnv,
  characterId: number,
  section: SectionDefinition<any>,
  fault: Fault,
  snapshot: () => Promise<T>,
): Promise<void> {
  const before = await snapshot();
  // Expired caches, so the run really reaches the failing route.
  env.sim.expireCaches(characterId);
  env.sim.injectFault({ route: fault.route, kind: "status", status: fault.status ?? 500 });
  // A fault left behind would fail every later test of the file, so it goes even if the run throws.
  const outcome = await env.run(characterId, section, { force: true }).finally(() => env.sim.clearFaults());
  expect(outcome.status).toBe("failed");
  const status = await env.status(characterId, section);
  expect(status.isSuccess).toBe(false);
  expect(status.errorMessage).toBeTruthy();
  expect(await snapshot()).toEqual(before);
}

export async function expectTokenError(
  env: SectionEnv,
  characterId: number,
  section: SectionDefinition<any>,
): Promise<void> {
  await env.invalidateToken(characterId);
  expect(await env.run(characterId, section, { force: true })).toMatchObject({ status: "failed", tokenError: true });
  expect((await env.status(characterId, section)).isTokenError).toBe(true);
  expect((await env.db.esiToken.findUniqueOrThrow({ where: { characterId } })).status).toBe("INVALID");
}
