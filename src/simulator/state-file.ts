// Optional persistence, so a demo can restart the simulator without logging
// everyone out: the signing key (old tokens still verify), grants (refresh tokens
// still work), transfer counts (owner hashes stay) and the clock offset.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { JsonWebKey } from "node:crypto";
import { dirname } from "node:path";
import type { Grant } from "./sso/grants";

export interface PersistedState {
  version: 1;
  signingKey: JsonWebKey;
  clockOffsetSeconds: number;
  transfers: Record<string, number>;
  grants: Grant[];
}

function isPersistedState(value: unknown): value is PersistedState {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === 1 &&
    typeof v.signingKey === "object" &&
    v.signingKey !== null &&
    typeof v.clockOffsetSeconds === "number" &&
    typeof v.transfers === "object" &&
    v.transfers !== null &&
    Array.isArray(v.grants)
  );
}

/** undefined when the file does not exist yet; throws when it exists but is unusable. */
export function loadState(file: string): PersistedState | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isPersistedState(parsed)) throw new Error(`Simulator state file ${file} is not a version 1 state document`);
  return parsed;
}

/** Temp file + rename, so a crash mid-write never leaves a truncated state file. */
export function saveState(file: string, state: PersistedState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2), { mode: 0o600 });
  renameSync(temp, file);
}
