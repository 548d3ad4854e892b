// Starts tests/support/job-worker.ts as a child process and follows what it prints.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface WorkerProcess {
  child: ChildProcess;
  /** Lines of stdout so far. */
  lines: string[];
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
  const lines: string[] = [];
  let stderr = "";
  let buffer = "";
  const listeners = new Set<() => void>();
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop()!;
    lines.push(...parts);
    for (const listener of listeners) listener();
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitFor(pattern, count = 1, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (lines.filter((l) => pattern.test(l)).length >= count) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `worker did not print ${pattern} ×${count}; stdout tail: ${lines.slice(-5).join(" | ")}; stderr: ${stderr.slice(-2000)}`,
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => setTimeout(check, 0));
        check();
      });
    },
  };
}

/** Runs the worker to its end (seed, drain) and fails with its stderr if it does not exit 0. */
export async function runWorker(
  databaseUrl: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const worker = startWorker(databaseUrl, args, env);
  let stderr = "";
  worker.child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await worker.exited;
  if (code !== 0) throw new Error(`job worker ${args.join(" ")} exited ${code}: ${stderr.slice(-2000)}`);
  return worker;
}
