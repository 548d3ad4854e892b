// The management commands the CLI itself lists (`help`) are the ones the operations manual and
// the README's command table describe: a command added or removed without the docs fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `docs/operations.md has a "${heading}" section`).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe("the management commands", () => {
  it("are each described in the operations manual's Commands and in the README", async () => {
    const help = await runCli({ databaseUrl: "", simulatorUrl: "http://127.0.0.1:9" }, "help");
    expect(help.code).toBe(0);
    // One command per line, two spaces in; its options and explanation are further in.
    const commands = [...help.out.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(["update-characters", "stats", "uninstall"]));

    const manual = section(read("docs/operations.md"), "Commands");
    const described = [...manual.matchAll(/^- `([a-z][a-z-]*)[ `]/gm)].map((m) => m[1]!);
    expect(described.sort()).toEqual([...commands].sort());

    const readme = read("README.md");
    for (const command of commands) expect(readme).toContain(`npm run memberaudit -- ${command}`);
  }, 60_000);
});
