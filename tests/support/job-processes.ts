// Starts tests/support/job-worker.ts as a child process and follows what it prints.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { followOutput } from "./followed-output";

const root = path.resolve(import.meta.dirname, "../..");

export interface WorkerProcess {
  child: ChildProcess;
  /** Lines of stdout so far. */
  lines: string[];
  stderr(): string;
  /** Resolves once `count` lines match, or rejects after `timeoutMs` (with what it printed). */
  waitFor(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export function startWorker(databaseUrl: string, args: string[], env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(
    process.execPath,
    // Node itself with tsx as a loader (not tsx's CLI, which runs the script in a child of its own): SIGKILL reaches the worker.
    ["--import", "tsx", "tests/support/job-worker.ts", databaseUrl, ...args],
    { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv },
  );
  return { child, ...followOutput(child, "worker") };
}

/** Runs the worker to its end (seed, drain) and fails with its stderr if it does not exit 0. */
export async function runWorker(
  databaseUrl: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const worker = startWorker(databaseUrl, args, env);
  const code = await worker.exited;
  if (code !== 0) throw new Error(`job worker ${args.join(" ")} exited ${code}: ${worker.stderr().slice(-2000)}`);
  return worker;
}
