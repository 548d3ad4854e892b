// A child process's output, followed line by line: what the process-level tests (the job worker,
// the app's process) wait for and read.
import type { ChildProcess } from "node:child_process";

export interface FollowedOutput {
  /** stdout lines so far. */
  lines: string[];
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves once `count` lines match, or rejects after `timeoutMs` with what the process printed. */
  waitFor(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>;
}

/** `name` says which process a timeout is about. */
export function followOutput(child: ChildProcess, name: string): FollowedOutput {
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
  const waitFor = (pattern: RegExp, count = 1, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (lines.filter((l) => pattern.test(l)).length >= count) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        const times = count > 1 ? ` ×${count}` : "";
        reject(
          new Error(
            `${name} did not print ${pattern}${times}; stdout tail: ${lines.slice(-8).join(" | ")}; stderr: ${stderr.slice(-2000)}`,
          ),
        );
      }, timeoutMs);
      listeners.add(check);
      void exited.then(() => setTimeout(check, 0));
      check();
    });
  return { lines, stderr: () => stderr, exited, waitFor };
}
