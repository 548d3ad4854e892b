// The operator's CLI (`npm run memberaudit -- ...`) against the soak's database, as a child process.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Resolves with the command's last line of output. */
export function runCli(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/memberaudit.ts"), ...args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    // Exit 1 means some section failed (the revoked character's, for one): reported, not fatal.
    child.once("exit", (code) => {
      const last =
        output
          .trim()
          .split(/[\r\n]/)
          .pop() ?? "";
      if (code === 0 || code === 1) resolve(last.trim());
      else reject(new Error(`memberaudit ${args[0]} exited ${code}: ${last}`));
    });
  });
}
