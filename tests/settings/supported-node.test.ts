// `scripts/supported-node.mjs`, which the user-facing npm scripts start through: the command runs on a Node the
// project supports (package.json engines), whatever Node the machine carries.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const script = path.join(root, "scripts/supported-node.mjs");
const floor = /^>=(\d+)\.(\d+)/.exec(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).engines.node)!;

function isBelowFloor(version: string): boolean {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major! < Number(floor[1]) || (major === Number(floor[1]) && minor! < Number(floor[2]));
}

function finished(child: ChildProcess): Promise<{ code: number | null; out: string; err: string }> {
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk) => (out += chunk));
  child.stderr?.on("data", (chunk) => (err += chunk));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
}

// The machine's own Node (Debian's), when it is older than the floor: the case the script exists for.
const oldNode = ["/usr/bin/node", "/usr/local/bin/node"].find(
  (bin) => existsSync(bin) && isBelowFloor(execFileSync(bin, ["--version"], { encoding: "utf8" }).trim()),
);
const cache = mkdtempSync(path.join(os.tmpdir(), "ma-node-cache-"));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe("supported-node", () => {
  it("runs the command on the current Node when it is supported, passing its exit code through", async () => {
    expect(isBelowFloor(process.version)).toBe(false);
    const run = await finished(
      spawn(process.execPath, [script, "node", "-e", "console.log(process.version); process.exit(3)"], {
        env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` },
      }),
    );
    expect(run.code).toBe(3);
    expect(run.out.trim()).toBe(process.version);
    expect(run.err).not.toMatch(/older than this project supports/);
  });

  it("passes a SIGTERM sent to it alone on to the command", async () => {
    const child = spawn(
      process.execPath,
      [
        script,
        process.execPath,
        "-e",
        "process.on('SIGTERM', () => process.exit(7)); console.log('up'); setInterval(() => {}, 1000)",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const done = finished(child);
    await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
    child.kill("SIGTERM");
    expect((await done).code).toBe(7);
  });

  it.skipIf(!oldNode)(
    "on a Node below the floor, fetches a supported Node once and runs the command on it",
    async () => {
      const env = {
        ...process.env,
        MEMBERAUDIT_NODE_CACHE: cache,
        PATH: `${path.dirname(oldNode!)}${path.delimiter}${process.env.PATH}`,
      };
      const run = await finished(spawn(oldNode!, [script, "node", "-e", "console.log(process.version)"], { env }));
      expect(run.code).toBe(0);
      expect(isBelowFloor(run.out.trim())).toBe(false);
      expect(run.err).toMatch(/older than this project supports; running on v\d+/);
      expect(existsSync(path.join(cache, "node_modules/.bin/node"))).toBe(true);
    },
    120_000,
  );
});
