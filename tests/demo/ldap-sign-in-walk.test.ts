// Staff sign-in through LDAP in Chromium, on the demo app pointed at a real slapd: a refusal is
// announced and focus returns to the password; the right password lands on the launcher under
// the directory name; the LDAP user, who has no character, adds one with "Add character"; with
// the directory down the form says so and EVE sign-in still works. The page fits 390 px.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { demoContext, launchChromium, SCREENSHOT_DIR } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";
import { ldapEnv } from "../support/ldap-env";
import { type Slapd, startSlapd } from "../support/slapd";

vi.setConfig({ testTimeout: 300_000 });
const PILOT = simCharacters[1]!;
let slapd: Slapd;
let app: DemoApp;
let browser: Browser;

beforeAll(async () => {
  slapd = await startSlapd();
  const { MEMBERAUDIT_MODE: _, AUTH_SECRET: __, TOKEN_ENCRYPTION_KEY: ___, ...ldap } = ldapEnv(slapd.url);
  app = await startDemoApp({ ...ldap, MEMBERAUDIT_UPDATES_ENABLED: "0" });
  browser = await launchChromium();
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await slapd?.stop();
});

async function submit(page: Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Password").press("Enter");
}

describe("LDAP sign-in in Chromium", () => {
  it("announces a wrong password, then signs the staff member in and lets them add a character", async () => {
    const context = await demoContext(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.appUrl}/signin`);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/ldap-signin-390.png`, fullPage: true });

    await submit(page, "alice", "not-her-password");
    await expect.poll(() => page.locator("#ldap-error").textContent()).toBe("Wrong username or password.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("ldap-password");

    await page.getByLabel("Password").fill("alice-pw");
    await page.getByLabel("Password").press("Enter");
    await page.waitForURL(/\/launcher/);
    await expect.poll(() => page.getByTestId("signed-in-as").textContent()).toContain("Alice Archer");

    await page.getByRole("button", { name: "Add character" }).click();
    await page.waitForURL(/\/v2\/oauth\/authorize/);
    await page.getByRole("button", { name: PILOT.name, exact: true }).click();
    await page.waitForURL(/\/launcher\?added=/);
    await expect.poll(() => page.getByText(PILOT.name).count()).toBeGreaterThan(0);
    await context.close();
  });

  it("says the directory is down while EVE sign-in keeps working", async () => {
    await slapd.stop();
    const context = await demoContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.appUrl}/signin`);
    await submit(page, "alice", "alice-pw");
    await expect.poll(() => page.locator("#ldap-error").textContent()).toContain("cannot be reached right now");

    await page.getByRole("button", { name: "Sign in with EVE Online" }).click();
    await page.waitForURL(/\/v2\/oauth\/authorize/);
    await page.getByRole("button", { name: simCharacters[2]!.name, exact: true }).click();
    await page.waitForURL(/\/launcher/);
    await expect.poll(() => page.getByTestId("signed-in-as").textContent()).toContain(simCharacters[2]!.name);
    await context.close();
  });
});
