// A bad setting stops `npm start` before anything starts, with one line naming it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const key = Buffer.alloc(32, 5).toString("base64");
const complete = {
  APP_URL: "https://audit.example.org",
  AUTH_SECRET: "s".repeat(40),
  TOKEN_ENCRYPTION_KEY: key,
  EVE_SSO_CLIENT_ID: "id",
  EVE_SSO_CLIENT_SECRET: "secret",
};

function start(env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/launch.ts", "start"],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        DATA_DIR: "/nonexistent/never-created",
        ...env,
      } as unknown as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("startup with invalid settings", () => {
  it("names a missing production setting and exits 1", () => {
    const { EVE_SSO_CLIENT_ID: _, ...rest } = complete;
    const run = start(rest);
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      "Invalid setting EVE_SSO_CLIENT_ID: is required in production: from your application at developers.eveonline.com",
    ]);
  });

  it("names a malformed setting", () => {
    const run = start({ ...complete, ESI_BASE_URL: "not a url" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Invalid setting ESI_BASE_URL: /);
    expect(run.stderr.split("\n")).toHaveLength(1);
  });

  it("names DATABASE_URL when the database cannot be reached, without printing the URL", () => {
    const run = start({ ...complete, DATABASE_URL: "postgresql://app:hunter2@127.0.0.1:1/audit" });
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      "Invalid setting DATABASE_URL: the database server cannot be reached (connect ECONNREFUSED 127.0.0.1:1)",
    ]);
    expect(run.stderr).not.toContain("hunter2");
  });

  it("names DATABASE_URL when the database refuses the credentials", () => {
    const run = start({ ...complete, DATABASE_URL: "postgresql://nosuchuser@127.0.0.1:5432/postgres" });
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      'Invalid setting DATABASE_URL: the database refused the credentials (role "nosuchuser" does not exist)',
    ]);
  });
});
