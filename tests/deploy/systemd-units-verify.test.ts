// The systemd units of docs/deploy/systemd/ are real files, checked by systemd's own tools: `systemd-analyze verify`
// (syntax, known keys, dependencies, executables) and `systemd-analyze security --offline` (the hardening score).
// Both run against a throwaway root (--root): the host's own unit library copied in, the units installed in its
// /etc/systemd/system, and an empty stand-in at every executable they start (node and inngest live on the target
// machine, not here). No systemd needs to be running: this works in a container. A missing systemd-analyze fails
// the file naming the package (.ci/run installs it).
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const UNITS_DIR = path.join(root, "docs/deploy/systemd");
const ANALYZE = process.env.SYSTEMD_ANALYZE_PATH ?? "/usr/bin/systemd-analyze";
const HOST_UNITS = process.env.SYSTEMD_UNIT_LIBRARY ?? "/usr/lib/systemd/system";
const units = readdirSync(UNITS_DIR)
  .filter((f) => f.endsWith(".service"))
  .sort();
const unitText = (name: string) => readFileSync(path.join(UNITS_DIR, name), "utf8");

/** Values of `key=` lines in a unit file (all sections; comments skipped). */
function values(text: string, key: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1).trim());
}

/** The executables the units start: the first word of every Exec*= line, without systemd's prefixes (-, @, :, +, !). */
function executables(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => /^Exec[A-Za-z]*=/.test(line))
    .map(
      (line) =>
        line
          .replace(/^Exec[A-Za-z]*=/, "")
          .replace(/^[-@:+!]+/, "")
          .split(/\s+/)[0]!,
    )
    .filter((exe) => exe.startsWith("/"));
}

let fakeRoot: string;

function analyze(args: string[]): { code: number; text: string } {
  const r = spawnSync(ANALYZE, [...args, `--root=${fakeRoot}`], { encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, text: `${r.stdout}${r.stderr}`.trim() };
}

function install(name: string, text: string): string {
  writeFileSync(path.join(fakeRoot, "etc/systemd/system", name), text);
  return `/etc/systemd/system/${name}`;
}

beforeAll(() => {
  if (!existsSync(ANALYZE))
    throw new Error(
      `${ANALYZE} is missing: install Debian's systemd package (apt-get install systemd; .ci/run does), or set SYSTEMD_ANALYZE_PATH`,
    );
  if (!existsSync(path.join(HOST_UNITS, "multi-user.target")))
    throw new Error(`${HOST_UNITS} holds no systemd unit library (multi-user.target); set SYSTEMD_UNIT_LIBRARY`);
  fakeRoot = mkdtempSync(path.join(tmpdir(), "ma-systemd-root-"));
  cpSync(HOST_UNITS, path.join(fakeRoot, "usr/lib/systemd/system"), { recursive: true, verbatimSymlinks: true });
  mkdirSync(path.join(fakeRoot, "etc/systemd/system"), { recursive: true });
  for (const unit of units) {
    install(unit, unitText(unit));
    for (const exe of executables(unitText(unit))) {
      mkdirSync(path.join(fakeRoot, path.dirname(exe)), { recursive: true });
      writeFileSync(path.join(fakeRoot, exe), "#!/bin/sh\n");
      chmodSync(path.join(fakeRoot, exe), 0o755);
    }
  }
});
afterAll(() => {
  if (fakeRoot) rmSync(fakeRoot, { recursive: true, force: true });
});

describe("the systemd units", () => {
  it("are the app, its migration step and a self-hosted Inngest server", () => {
    expect(units).toEqual(["inngest.service", "memberaudit-migrate.service", "memberaudit.service"]);
  });

  it("pass systemd-analyze verify without a single warning", () => {
    const result = analyze(["verify", "--man=no", ...units.map((u) => `/etc/systemd/system/${u}`)]);
    expect(result.text).toBe("");
    expect(result.code).toBe(0);
  });

  it("the check can fail: a misspelt key, a bad value and a missing executable are reported", () => {
    const broken = unitText("memberaudit.service")
      .replace("ProtectSystem=strict", "ProtectSytem=strict")
      .replace("Restart=on-failure", "Restart=sometimes")
      .replace("/usr/bin/node", "/usr/bin/nodejs-missing");
    const result = analyze(["verify", "--man=no", install("broken-memberaudit.service", broken)]);
    expect(result.text).toContain("ProtectSytem");
    expect(result.text).toContain("sometimes");
    expect(result.text).toContain("/usr/bin/nodejs-missing");
    expect(result.code).not.toBe(0);
  });

  it("run the app and Inngest as their own users, restart them on failure and stop them with SIGTERM", () => {
    for (const unit of ["memberaudit.service", "inngest.service"]) {
      const text = unitText(unit);
      expect(values(text, "User"), unit).toHaveLength(1);
      expect(values(text, "User")[0], unit).not.toBe("root");
      expect(values(text, "EnvironmentFile"), unit).toHaveLength(1);
      expect(values(text, "Restart"), unit).toEqual(["on-failure"]);
      expect(values(text, "KillSignal"), unit).toEqual(["SIGTERM"]);
      expect(values(text, "ProtectSystem"), unit).toEqual(["strict"]);
      expect(values(text, "NoNewPrivileges"), unit).toEqual(["yes"]);
    }
    const app = unitText("memberaudit.service");
    expect(values(app, "Requires")).toContain("memberaudit-migrate.service");
    expect(values(app, "After")).toContain("memberaudit-migrate.service");
    expect(values(app, "ExecStart")[0]).toMatch(/\.next\/standalone\/server\.js$/);
    expect(values(unitText("memberaudit-migrate.service"), "Type")).toEqual(["oneshot"]);
    expect(values(unitText("inngest.service"), "ExecStart")[0]).toMatch(
      / start .*--sdk-url http:\/\/127\.0\.0\.1:3000\/api\/inngest/,
    );
  });

  it("score OK or better on systemd-analyze security (figures printed)", () => {
    for (const unit of units) {
      const result = analyze(["security", "--offline=true", "--no-pager", `/etc/systemd/system/${unit}`]);
      const level = result.text.match(/Overall exposure level for \S+: ([\d.]+) (\w+)/);
      expect(level, result.text).not.toBeNull();
      console.log(`systemd-analyze security ${unit}: exposure ${level![1]} ${level![2]}`);
      // systemd's scale: 0-2 "OK" (and better), up to 10 "UNSAFE"; a unit without hardening scores 9.6.
      expect(Number(level![1]), `${unit}:\n${result.text}`).toBeLessThanOrEqual(2);
    }
  });
});
