// The `memberaudit` command run as a user runs it: a separate process, demo mode, against
// the given database and simulator, with the key tests/support/simulator.ts seals tokens with.
import { spawn } from "node:child_process";
import path from "node:path";
import { CLIENT } from "./simulator";

const root = path.resolve(import.meta.dirname, "../..");

export interface CliTarget {
  databaseUrl: string;
  simulatorUrl: string;
}

export function runCli(target: CliTarget, ...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/memberaudit.ts", ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          MEMBERAUDIT_MODE: "demo",
          DATABASE_URL: target.databaseUrl,
          AUTH_SECRET: "s".repeat(40),
          TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
          EVE_SSO_BASE_URL: target.simulatorUrl,
          ESI_BASE_URL: target.simulatorUrl,
          EVE_SSO_CLIENT_ID: CLIENT.clientId,
          EVE_SSO_CLIENT_SECRET: CLIENT.clientSecret,
        } as unknown as NodeJS.ProcessEnv,
      },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
  });
}
