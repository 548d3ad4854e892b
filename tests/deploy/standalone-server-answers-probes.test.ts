// The standalone build (`output: "standalone"`, docs/deploy/) is what the Dockerfile and the systemd unit run:
// .next/standalone/server.js with only the files it needs. Copied out of the checkout (so nothing resolves from
// the project's own node_modules) and assembled like the recipes do (static files beside it), it starts with
// production settings against a real PostgreSQL, the simulator as EVE SSO and ESI, and answers the probes.
// The build is the one the browser tests share (tests/support/demo-app.ts, ensureBuilt): no second build.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "~/simulator/server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { ensureBuilt, freePort } from "../support/demo-app";
import { CLIENT, startSimulator } from "../support/sso-flow";

const root = path.resolve(import.meta.dirname, "../..");
const STARTUP_MS = 120_000;

let t: TestDatabase | undefined;
let sim: Simulator | undefined;
let child: ChildProcess | undefined;
let exited: Promise<void> = Promise.resolve();
let workDir: string | undefined;
let appUrl = "";
let simUrl = "";
let output = "";
let startedInMs = 0;

beforeAll(async () => {
  await ensureBuilt();
  const standalone = path.join(root, ".next", "standalone");
  if (!existsSync(path.join(standalone, "server.js")))
    throw new Error(`no ${standalone}/server.js: next.config.js must keep output: "standalone"`);

  // The recipes' assembly (Dockerfile, docs/deploy/systemd.md): the server, then the static files beside it.
  workDir = mkdtempSync(path.join(tmpdir(), "ma-standalone-"));
  const app = path.join(workDir, "app");
  cpSync(standalone, app, { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(root, ".next", "static"), path.join(app, ".next", "static"), { recursive: true });
  if (existsSync(path.join(root, "public")))
    cpSync(path.join(root, "public"), path.join(app, "public"), { recursive: true });

  t = await createTestDatabase(); // migrated, as the recipes' migration step leaves it
  const port = await freePort();
  appUrl = `http://localhost:${port}`;
  const started = await startSimulator({
    clients: [{ ...CLIENT, redirectUris: [`${appUrl}/api/auth/callback/eveonline`] }],
  });
  sim = started.sim;
  simUrl = started.url;
  const env: NodeJS.ProcessEnv = {
    // Only what a service manager would give it: no inherited settings from the shell running the tests.
    PATH: process.env.PATH,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    MEMBERAUDIT_MODE: "production",
    APP_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    DATABASE_URL: t.url,
    DATABASE_POOL_MAX: "5",
    EVE_SSO_CLIENT_ID: CLIENT.clientId,
    EVE_SSO_CLIENT_SECRET: CLIENT.clientSecret,
    EVE_SSO_BASE_URL: started.url,
    ESI_BASE_URL: started.url,
    EVE_IMAGE_BASE_URL: `${started.url}/images`,
    ESI_CONTACT: "standalone-test@example.org",
    // No schedule fires during the test: the probes are what is checked.
    MEMBERAUDIT_UPDATES_ENABLED: "0",
  };
  const t0 = Date.now();
  child = spawn(process.execPath, [path.join(app, "server.js")], {
    cwd: app,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const proc = child;
  exited = new Promise((resolve) => proc.once("exit", () => resolve()));
  process.once("exit", () => proc.kill("SIGKILL"));

  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the standalone server exited during start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the standalone server did not become ready:\n${output}`);
    const status = await fetch(`${appUrl}/api/ready`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  startedInMs = Date.now() - t0;
  console.log(`standalone server ready in ${(startedInMs / 1000).toFixed(1)} s`);
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(r, 15_000, false))]);
    if (!stopped) child.kill("SIGKILL");
    await exited;
  }
  await sim?.close();
  await t?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("the standalone server", () => {
  it("answers /api/health with 200", async () => {
    const response = await fetch(`${appUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /api/ready with 200: database, its migrations (carried in the build) and the job engine", async () => {
    const response = await fetch(`${appUrl}/api/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", jobs: "ok" },
    });
  });

  it("renders the sign-in page and serves the static files the recipes copy beside it", async () => {
    const response = await fetch(`${appUrl}/signin`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const script = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(script, "the page references a static script").toBeDefined();
    const asset = await fetch(`${appUrl}${script}`);
    expect(asset.status).toBe(200);
  });

  it("sends a sign-in to the EVE SSO (the simulator) with APP_URL's callback, from the settings alone", async () => {
    // next-auth v4 reads NEXTAUTH_URL, which the launcher sets and the standalone server has no one to set.
    const csrf = await fetch(`${appUrl}/api/auth/csrf`);
    expect(csrf.status).toBe(200);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const signIn = await fetch(`${appUrl}/api/auth/signin/eveonline`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${appUrl}/launcher`, json: "true" }),
      redirect: "manual",
    });
    const answer =
      signIn.status === 200 ? ((await signIn.json()) as { url: string }).url : signIn.headers.get("location");
    expect(answer, `sign-in answered ${signIn.status}:\n${output}`).toBeTruthy();
    const target = new URL(answer!);
    expect(target.origin).toBe(new URL(simUrl).origin);
    expect(target.searchParams.get("redirect_uri")).toBe(`${appUrl}/api/auth/callback/eveonline`);
  });

  it("stops on SIGTERM", async () => {
    child!.kill("SIGTERM");
    const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(r, 20_000, false))]);
    expect(stopped, `still running 20 s after SIGTERM:\n${output}`).toBe(true);
  });
});
