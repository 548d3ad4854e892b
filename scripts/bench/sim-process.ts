// The ESI simulator in a child process (scripts/simulator.ts under tsx), driven
// through its /_sim control API, so a benchmark's own RSS and CPU are the app's
// alone. Configured like tests/support/simulator.ts's startSim(), so the same
// login and client helpers work against it.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { FaultRule, MutationKind, MutationResult, SimStats } from "~/simulator/server";
import { CLIENT } from "../../tests/support/simulator";

const root = path.resolve(import.meta.dirname, "../..");

export interface SimProcess {
  url: string;
  pid: number;
  expireCaches(): Promise<number>;
  mutateCharacter(characterId: number, kind: MutationKind): Promise<MutationResult>;
  /** Revokes every grant of the character at the SSO (as a pilot would on the EVE site); returns how many. */
  revokeCharacter(characterId: number): Promise<number>;
  /** Moves the simulator's clock on: the error-limit window and the rate-limit buckets too. */
  advanceClock(seconds: number): Promise<void>;
  injectFault(rule: FaultRule): Promise<{ id: string }>;
  clearFaults(): Promise<number>;
  stats(): Promise<SimStats>;
  /** The child's peak RSS in bytes so far; see peakRssOf. */
  peakRss(): number | undefined;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. Safe to call twice. */
  stop(): Promise<void>;
}

export interface SimProcessOptions {
  /** Where the SSO may send its codes, besides the test client's own; an app under test needs its callback here. */
  redirectUris?: string[];
}

export async function startSimProcess(options: SimProcessOptions = {}): Promise<SimProcess> {
  // `node --import tsx` rather than the tsx CLI: the CLI runs the script in a
  // grandchild, and the pid whose memory is reported must be the simulator's.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/simulator.ts")], {
    cwd: root,
    env: {
      ...process.env,
      SIM_PORT: "0",
      SIM_HOST: "127.0.0.1",
      SIM_CLIENT_ID: CLIENT.clientId,
      SIM_CLIENT_SECRET: CLIENT.clientSecret,
      SIM_REDIRECT_URIS: [...CLIENT.redirectUris, ...(options.redirectUris ?? [])].join(","),
      // A state file or public URL inherited from a demo shell would change what the benchmark measures.
      SIM_STATE_FILE: "",
      SIM_PUBLIC_URL: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  let url: string;
  try {
    url = await listeningUrl(child);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }

  let stopping = false;
  // Otherwise a crashed simulator shows up only as a flood of connection errors in the app.
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`[simulator] exited unexpectedly (${signal ?? code})`);
  });

  async function control<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator ${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    url,
    pid: child.pid!,
    expireCaches: async () => (await control<{ expired: number }>("POST", "/_sim/cache/expire", {})).expired,
    mutateCharacter: (characterId, kind) => control("POST", `/_sim/characters/${characterId}/mutate`, { kind }),
    revokeCharacter: async (characterId) =>
      (await control<{ revoked: number }>("POST", `/_sim/characters/${characterId}/revoke`, {})).revoked,
    advanceClock: async (seconds) => void (await control("POST", "/_sim/clock/advance", { seconds })),
    injectFault: (rule) => control("POST", "/_sim/faults", rule),
    clearFaults: async () => (await control<{ cleared: number }>("DELETE", "/_sim/faults")).cleared,
    stats: () => control("GET", "/_sim/stats"),
    peakRss: () => peakRssOf(child.pid!),
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** scripts/simulator.ts announces "... listening on <url>" once the port is bound. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`the simulator did not start: ${reason}`));
    };
    // tsx compiles the simulator first; on a busy two-core machine that can take a while.
    const timer = setTimeout(() => fail("no URL within 60 s"), 60_000);
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code, signal) => fail(`exited with ${signal ?? code}`));
    // Keeps reading after the URL so the pipe never fills and blocks the child's writes.
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const url = /listening on (\S+)/.exec(line)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      } else {
        console.log(`[simulator] ${line}`);
      }
    });
  });
}

/** A process's peak RSS in bytes so far, from the kernel's high-water mark (nothing between samples is missed); undefined off Linux. */
export function peakRssOf(pid: number): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}
