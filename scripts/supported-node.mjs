// Runs a command on a Node.js the project supports (package.json `engines`, docs/decisions.md "Node.js").
// On a supported Node it runs the command as it is. On an older one (machines still carrying Node 20, past its
// end of life) it fetches the npm registry's `node` package once into a cache folder outside the project and runs
// the command on that, so the README's quick start stays two commands on any machine with npm.
// Plain JavaScript on purpose: it must run on the old Node before anything else can.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const FETCHED_MAJOR = 24;

/** The lowest version `engines.node` allows, as [major, minor] (it holds one `>=X.Y` range). */
function floor() {
  const range = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).engines?.node ?? "";
  const match = /^>=\s*(\d+)\.(\d+)/.exec(range);
  if (!match) throw new Error(`package.json engines.node must read ">=X.Y", not "${range}"`);
  return [Number(match[1]), Number(match[2])];
}

function supported(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  const [floorMajor, floorMinor] = floor();
  return major > floorMajor || (major === floorMajor && minor >= floorMinor);
}

function fetchedNodeBin() {
  const cache =
    process.env.MEMBERAUDIT_NODE_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "memberaudit", `node-${FETCHED_MAJOR}`);
  const bin = path.join(cache, "node_modules", ".bin");
  if (!existsSync(path.join(bin, "node"))) {
    console.error(`Fetching Node.js ${FETCHED_MAJOR} from the npm registry into ${cache} (once) ...`);
    const npm = spawnSync(
      "npm",
      ["install", "--prefix", cache, "--no-audit", "--no-fund", "--no-save", `node@${FETCHED_MAJOR}`],
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    if (npm.status !== 0) {
      console.error(
        `Could not fetch Node.js ${FETCHED_MAJOR}; install Node.js ${floor().join(".")} or later (see README, Quick start).`,
      );
      process.exit(1);
    }
  }
  return bin;
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: supported-node.mjs COMMAND [ARGS...]");
  process.exit(2);
}
const env = { ...process.env };
if (!supported(process.version)) {
  const bin = fetchedNodeBin();
  env.PATH = `${bin}${path.delimiter}${env.PATH ?? ""}`;
  const version = spawnSync(path.join(bin, "node"), ["--version"], { encoding: "utf8" }).stdout.trim();
  console.error(`Node.js ${process.version} is older than this project supports; running on ${version} (${bin}).`);
}
// Asynchronous, so that a signal sent to this process alone (a process manager's SIGTERM) reaches the command too.
const child = spawn(command, args, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  console.error(error.message);
  process.exit(1);
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
