// Starts tests/support/app-process.ts (the app's process: settings, logging, the embedded
// runner, the signal handlers) against a database and the simulator, and follows its output.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { followOutput } from "./followed-output";
import { CLIENT } from "./simulator";

const root = path.resolve(import.meta.dirname, "../..");

export interface AppProcess {
  child: ChildProcess;
  /** stdout lines so far (the app's JSON log lines among them). */
  lines: string[];
  stderr(): string;
  /** Resolves once a line matches, or rejects after `timeoutMs` with what the process printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Queues an update of the character through the app's own sender (its run id follows from eventId). */
  update(characterId: number, eventId: string): Promise<void>;
  exited: Promise<number | null>;
}

export function startAppProcess(
  target: { databaseUrl: string; simulatorUrl: string },
  env: Record<string, string> = {},
): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/app-process.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      MEMBERAUDIT_MODE: "demo",
      DATABASE_URL: target.databaseUrl,
      DATABASE_POOL_MAX: "4",
      AUTH_SECRET: "s".repeat(40),
      // The key tests/support/simulator.ts seals tokens with.
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      EVE_SSO_BASE_URL: target.simulatorUrl,
      ESI_BASE_URL: target.simulatorUrl,
      EVE_SSO_CLIENT_ID: CLIENT.clientId,
      EVE_SSO_CLIENT_SECRET: CLIENT.clientSecret,
      // No periodic scan during the test: the only update is the one the test queues.
      MEMBERAUDIT_UPDATE_CRON: "0 0 1 1 *",
      LOG_FORMAT: "json",
      NEXT_MANUAL_SIG_HANDLE: "1",
      ...env,
    } as unknown as NodeJS.ProcessEnv,
  });
  const output = followOutput(child, "app");
  const waitFor = (pattern: RegExp, timeoutMs?: number) => output.waitFor(pattern, 1, timeoutMs);
  return {
    child,
    lines: output.lines,
    stderr: output.stderr,
    exited: output.exited,
    waitFor,
    async update(characterId, eventId) {
      child.stdin!.write(`update ${characterId} ${eventId}\n`);
      await waitFor(new RegExp(`^queued ${eventId}$`));
    },
  };
}
