// Starts `npm run demo`'s launcher (simulator + embedded database + built app) in a
// temporary data folder on free ports, and collects everything it prints.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIsStale, runNextBuild } from "~/server/launch/next-build";

const root = path.resolve(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface DemoApp {
  appUrl: string;
  simUrl: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Builds the app once for all browser test files: vitest runs them in parallel
 * processes, and two `next build`s in one folder refuse each other. A directory
 * is the lock (mkdir is atomic); one older than 10 minutes is a dead run's.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = path.join(root, ".next-build.lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (await buildIsStale(root))
      await runNextBuild(root, { ...process.env, NODE_ENV: "production" } as NodeJS.ProcessEnv);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function startDemoApp(env: Record<string, string> = {}): Promise<DemoApp> {
  await ensureBuilt();
  const [port, simPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), "ma-demo-"));
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    // tsx as a loader in this one process, not its CLI: the CLI's parent kills the launcher with SIGKILL when the
    // launcher is slow (> 30 ms) to acknowledge a relayed SIGTERM, which a loaded machine makes it.
    ["--import", "tsx", "scripts/launch.ts", "demo"],
    {
      cwd: root,
      // The start-up preload of prices and types costs each walk about 25 s; the walks that need it ask for it.
      env: {
        ...process.env,
        PORT: String(port),
        SIM_PORT: String(simPort),
        DATA_DIR: dataDir,
        DEMO_PRELOAD: "0",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: stopping it stops the launcher, the simulator and next-server together.
      detached: true,
    },
  );
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // the group is gone already
    }
  };
  // A worker that ends without calling stop() (a failed hook, a timeout) must not leave the app running.
  process.once("exit", () => killGroup("SIGKILL"));
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const appUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 300_000; // includes a first `next build`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`demo exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`demo did not come up:\n${output}`);
    const ok = await fetch(`${appUrl}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    appUrl,
    simUrl: `http://127.0.0.1:${simPort}`,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) killGroup("SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(r, 15_000, false))]);
      // Whatever did not stop in time (next-server keeps open keep-alive sockets) is killed.
      killGroup("SIGKILL");
      if (!stopped) await exited;
    },
  };
}
