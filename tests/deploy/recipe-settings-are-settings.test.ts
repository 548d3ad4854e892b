// The recipes' settings examples (docs/deploy/*/memberaudit.env.example) are copied into real installs: every name
// in them, set or commented out, must be a setting src/env.ts reads (a misspelt name would be silently ignored),
// and the values they ship must pass its checks once the blanks are filled.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env";

const root = path.resolve(import.meta.dirname, "../..");
const EXAMPLES = ["docs/deploy/systemd/memberaudit.env.example", "docs/deploy/docker/memberaudit.env.example"];
const envSource = readFileSync(path.join(root, "src/env.ts"), "utf8");

/** KEY=value lines, and `# KEY=value` lines (an optional setting shown commented out). */
function entries(file: string): { key: string; value: string; commented: boolean }[] {
  return readFileSync(path.join(root, file), "utf8")
    .split("\n")
    .map((line) => /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ key: m[2]!, value: m[3]!, commented: Boolean(m[1]) }));
}

describe.each(EXAMPLES)("%s", (file) => {
  it("names only settings src/env.ts reads", () => {
    const keys = entries(file).map((e) => e.key);
    expect(keys.length).toBeGreaterThan(5);
    const unknown = keys.filter((key) => !new RegExp(`\\b${key}: `).test(envSource));
    expect(unknown).toEqual([]);
  });

  it("passes the settings check once its blanks are filled", () => {
    const filled: Record<string, string> = {};
    for (const { key, value, commented } of entries(file)) {
      if (commented) continue;
      filled[key] =
        value || (key.endsWith("_SECRET") || key.endsWith("_KEY") ? Buffer.alloc(32, 5).toString("base64") : "x");
    }
    // compose.yaml gives the Docker app its database; the systemd example carries one.
    filled.DATABASE_URL ??= "postgresql://memberaudit@postgres:5432/memberaudit";
    filled.ESI_CONTACT = "ops@example.org";
    const settings = parseEnv(filled);
    expect(settings.mode).toBe("production");
    expect(settings.inngest.enabled).toBe(false);
  });
});
