// The data folder (embedded database, secrets.json) is private to its owner: created
// 0700 with 0600 files, and an existing folder left world-readable is tightened.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { securePrivateDir } from "~/server/launch/data-dir";
import { loadOrCreateSecrets } from "~/server/launch/secrets";

const base = mkdtempSync(path.join(tmpdir(), "ma-modes-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const mode = (p: string) => statSync(p).mode & 0o777;

describe("the data folder", () => {
  it("is created 0700, and secrets.json 0600", async () => {
    const dir = path.join(base, "fresh", "data");
    await securePrivateDir(dir);
    await loadOrCreateSecrets(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "secrets.json"))).toBe(0o600);
  });

  it("tightens an existing folder and everything inside it", async () => {
    const dir = path.join(base, "old");
    mkdirSync(path.join(dir, "pglite", "base"), { recursive: true });
    writeFileSync(path.join(dir, "secrets.json"), "{}");
    writeFileSync(path.join(dir, "pglite", "base", "1234"), "x");
    for (const p of [dir, path.join(dir, "pglite"), path.join(dir, "pglite", "base")]) chmodSync(p, 0o777);
    chmodSync(path.join(dir, "secrets.json"), 0o666);
    chmodSync(path.join(dir, "pglite", "base", "1234"), 0o666);
    await securePrivateDir(dir);
    expect([dir, path.join(dir, "pglite"), path.join(dir, "pglite", "base")].map(mode)).toEqual([0o700, 0o700, 0o700]);
    expect(mode(path.join(dir, "secrets.json"))).toBe(0o600);
    expect(mode(path.join(dir, "pglite", "base", "1234"))).toBe(0o600);
  });
});
