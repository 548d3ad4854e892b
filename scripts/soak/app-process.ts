// The built app (`next start`, with its embedded runner) as a child process of the soak,
// in its own process group so a SIGKILL takes next-server and anything it forked at once,
// as a crash or an OOM kill would. Output goes to a log file, not the soak's terminal.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, readFileSync, type WriteStream } from "node:fs";
import path from "node:path";
import { peakRssOf } from "../bench/sim-process";

const root = path.resolve(import.meta.dirname, "../..");

export interface AppProcess {
  pid: number;
  /** The group's peak RSS so far in bytes: the largest VmHWM of its processes. */
  peakRss(): number;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts `next start` and resolves once /signin answers 200 (or rejects after `timeoutMs`). */
export async function startApp(
  env: NodeJS.ProcessEnv,
  port: number,
  logFile: string,
  timeoutMs = 120_000,
): Promise<AppProcess> {
  const log: WriteStream = createWriteStream(logFile, { flags: "a" });
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    { cwd: root, env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = child.pid!;
  // A soak that dies must not leave the app running against a database it is about to drop.
  const orphanGuard = () => killGroup(pid, "SIGKILL");
  process.once("exit", orphanGuard);

  let peak = 0;
  const sample = () => {
    for (const p of groupPids(pid)) peak = Math.max(peak, peakRssOf(p) ?? 0);
  };
  const sampler = setInterval(sample, 1000);

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      clearInterval(sampler);
      throw new Error(`the app exited during start-up; see ${logFile}`);
    }
    if (Date.now() > deadline) {
      clearInterval(sampler);
      killGroup(pid, "SIGKILL");
      throw new Error(`the app did not answer within ${timeoutMs / 1000} s; see ${logFile}`);
    }
    const ok = await fetch(`http://127.0.0.1:${port}/signin`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    pid,
    peakRss() {
      sample();
      return peak;
    },
    async kill(signal) {
      sample();
      clearInterval(sampler);
      process.removeListener("exit", orphanGuard);
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(pid, signal);
        const timer = setTimeout(() => killGroup(pid, "SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      // Whatever of the group outlived its leader (a forked worker) goes too.
      killGroup(pid, "SIGKILL");
      log.end();
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

/** The processes of the group led by `pgid` (Linux /proc; just the leader elsewhere). */
function groupPids(pgid: number): number[] {
  try {
    const pids: number[] = [];
    for (const line of readFileSync(`/proc/${pgid}/task/${pgid}/children`, "utf8").split(/\s+/)) {
      if (line) pids.push(Number(line));
    }
    return [pgid, ...pids];
  } catch {
    return [pgid];
  }
}
