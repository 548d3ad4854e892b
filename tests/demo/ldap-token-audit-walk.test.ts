// The acceptance walk of LDAP sign-in, API tokens and the audit log, in Chromium on the demo app
// pointed at a real slapd: the superuser (the first EVE sign-in) gives the app group the
// directory's "recruiters" group maps to api_access and view permission; Bob, a staff member
// with no character, signs in through the LDAP form and so holds api_access; he creates a token on
// /account/tokens (its secret shown once); the example client, run as its own process with that
// token, reads the superuser's character; /admin/audit shows that call (via the token, by name,
// Bob's directory name, the character, the procedure) and the owner sees who looked on the
// launcher. Both pages fit 390 px without sideways scrolling.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { demoContext, launchChromium, SCREENSHOT_DIR, signInThroughSso } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";
import { ldapEnv, MAPPING } from "../support/ldap-env";
import { groupDn, type Slapd, startSlapd } from "../support/slapd";

const root = path.resolve(import.meta.dirname, "../..");
const ADMIN = simCharacters[0]!;
/** The app group LDAP's cn=recruiters maps to (support/ldap-env.ts); Bob is in it, Alice is not. */
const GROUP = MAPPING[groupDn("recruiters")]!;
const TOKEN_NAME = "walk client";

vi.setConfig({ testTimeout: 420_000 });
let slapd: Slapd;
let app: DemoApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await demoContext(browser);
  contexts.push(context);
  return context.newPage();
}

/** examples/api-client.ts as its own process, the way a user runs it (`npx tsx examples/api-client.ts <id>`). */
function runExampleClient(
  token: string,
  characterId: number,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        path.join(root, "examples/api-client.ts"),
        String(characterId),
      ],
      {
        cwd: root,
        // Only what a user's shell would give it: nothing of the test's own settings.
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: "production",
          MEMBERAUDIT_URL: app.appUrl,
          MEMBERAUDIT_TOKEN: token,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (err += d));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  slapd = await startSlapd();
  const { MEMBERAUDIT_MODE: _, AUTH_SECRET: __, TOKEN_ENCRYPTION_KEY: ___, ...ldap } = ldapEnv(slapd.url);
  app = await startDemoApp(ldap);
  browser = await launchChromium();
}, 420_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
  await slapd?.stop();
});

describe("LDAP sign-in, an API token and the audit log in Chromium", () => {
  let admin: Page;
  let bob: Page;
  let secret: string;

  it("the superuser gives the mapped group api_access and view permission", async () => {
    admin = await newPage();
    await signInThroughSso(admin, app.appUrl, ADMIN.name); // the first user: superuser
    await admin.getByRole("button", { name: "Add character" }).click();
    await admin.waitForURL(/\/v2\/oauth\/authorize/);
    await admin.getByRole("button", { name: ADMIN.name, exact: true }).click();
    await admin.waitForURL(/\/launcher\?added=/);

    await admin.goto(`${app.appUrl}/admin`);
    await admin.getByRole("button", { name: "New group" }).click();
    await admin.getByLabel("Name", { exact: true }).fill(GROUP);
    for (const p of ["api_access", "characters_access", "view_everything"])
      await admin.getByText(p, { exact: true }).click();
    await admin.getByRole("button", { name: "Save group" }).click();
    await admin.getByRole("cell", { name: GROUP }).first().waitFor();
  });

  it("a staff member signs in through the LDAP form and holds api_access through the mapping", async () => {
    bob = await newPage();
    await bob.goto(`${app.appUrl}/signin`);
    await bob.getByLabel("Username").fill("bob");
    await bob.getByLabel("Password").fill("bob-pw");
    await bob.getByLabel("Password").press("Enter");
    await bob.waitForURL(/\/launcher/);
    await expect.poll(() => bob.getByTestId("signed-in-as").textContent()).toContain("Bob Builder");
    await bob.getByRole("link", { name: "API tokens" }).click();
    await bob.waitForURL(/\/account\/tokens/);
  });

  it("creates a token whose secret is shown once", async () => {
    await bob.getByLabel("Name").fill(TOKEN_NAME);
    await bob.getByLabel("characters_access").check();
    await bob.getByLabel("view_everything").check();
    await bob.getByRole("button", { name: "Create token" }).click();
    secret = (await bob.getByTestId("token-secret").textContent())!;
    expect(secret).toMatch(/^ma_.{10}_.{43}$/);
    await bob.screenshot({ path: path.join(SCREENSHOT_DIR, "ldap-token-created.png"), fullPage: true });
    await bob.reload();
    expect(await bob.getByTestId("token-secret").count()).toBe(0);
    expect(await bob.getByTestId("tokens").textContent()).toContain(TOKEN_NAME);
    expect(await bob.content()).not.toContain(secret.slice(14));
  });

  it("the example client, run with the token, reads another member's character", async () => {
    const run = await runExampleClient(secret, ADMIN.characterId);
    expect([run.code, run.err]).toEqual([0, ""]);
    const [id, json] = run.out.trim().split(/ (.*)/s);
    expect(Number(id)).toBe(ADMIN.characterId);
    const industry = JSON.parse(json!) as Record<string, unknown>;
    for (const list of ["blueprints", "jobs", "orders"]) expect(Array.isArray(industry[list])).toBe(true);

    // The same client without a valid token gets the API's refusal, not data.
    const refused = await runExampleClient(`${secret.slice(0, -1)}x`, ADMIN.characterId);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe("");
  });

  it("the audit page shows the call: via the token, by name, Bob, the character and the procedure", async () => {
    const row = new RegExp(
      `character\\.view\\s*Bob Builder\\s*via token “${TOKEN_NAME}”\\s*${ADMIN.name} \\(${ADMIN.characterId}\\)\\s*sheet\\.industry\\.get`,
    );
    await expect
      .poll(
        async () => {
          await admin.goto(`${app.appUrl}/admin/audit`);
          return admin
            .getByTestId("audit-rows")
            .textContent({ timeout: 5000 })
            .catch(() => "");
        },
        { timeout: 30_000 },
      )
      .toMatch(row);
    expect(await admin.getByTestId("audit-rows").textContent()).toContain("group.create");
    // Bob owns no character: his directory name finds his rows, and only his.
    await admin.getByLabel("Actor").fill("Bob");
    await admin.getByLabel("Actor").press("Enter");
    await expect.poll(() => admin.getByTestId("audit-rows").textContent()).not.toContain("group.create");
    const bobs = (await admin.getByTestId("audit-rows").textContent())!;
    expect(bobs).toMatch(row);
    expect(bobs).toContain("token.create");
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "ldap-token-audit.png"), fullPage: true });
  });

  it("shows the owner who looked, on the launcher", async () => {
    await admin.goto(`${app.appUrl}/launcher`);
    const section = await admin.getByTestId("who-looked").textContent();
    expect(section).toContain("Bob Builder");
    expect(section).toContain("with an API token");
    expect(section).not.toContain(TOKEN_NAME);
  });

  it("fits 390 px without sideways scrolling", async () => {
    for (const [page, route] of [
      [bob, "/account/tokens"],
      [admin, "/admin/audit"],
    ] as const) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${app.appUrl}${route}`);
      expect([route, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([route, 390]);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${route.slice(1).replace("/", "-")}-390.png`) });
    }
  });
});
