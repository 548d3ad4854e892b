// Roles in Chromium, set up through the admin area as an operator would: a pilot
// sees only their own characters; a recruiter sees shared characters only; a corp
// leader finds their corporation's members but cannot open a character of another
// alliance by URL; sharing then unsharing changes what the recruiter finds.
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { SCREENSHOT_DIR, demoContext, launchChromium, signInThroughSso } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";

const byName = (name: string) => simCharacters.find((c) => c.name === name)!;
const ADMIN = byName("Aura Vexlin"); // corp 98000001, alliance 99000001
const PILOT = byName("Ilsa Marrow"); // corp 98000001
const MEMBER = byName("Kaelen Ostrava"); // corp 98000002
const LEADER = byName("Daren Holtz"); // corp 98000002, alliance 99000001
const RECRUITER = byName("Jorund Vale"); // corp 98000003, alliance 99000002

// Slow pages while the demo loads sections in the background (see demoContext).
vi.setConfig({ testTimeout: 300_000 });
let app: DemoApp;
let browser: Browser;
const sessions = new Map<string, { context: BrowserContext; page: Page }>();

async function signIn(name: string): Promise<Page> {
  const context = await demoContext(browser);
  const page = await context.newPage();
  await signInThroughSso(page, app.appUrl, name);
  sessions.set(name, { context, page });
  return page;
}

async function register(page: Page, name: string) {
  await page.goto(`${app.appUrl}/launcher`);
  await page.getByRole("button", { name: "Add character" }).click();
  await page.waitForURL(/\/v2\/oauth\/authorize/);
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForURL(/\/launcher\?added=/);
}

async function createGroup(admin: Page, name: string, permissions: string[]) {
  await admin.goto(`${app.appUrl}/admin`);
  await admin.getByRole("button", { name: "New group" }).click();
  await admin.getByLabel("Name", { exact: true }).fill(name);
  for (const p of permissions) await admin.getByText(p, { exact: true }).click();
  await admin.getByRole("button", { name: "Save group" }).click();
  await admin.getByRole("cell", { name }).first().waitFor();
}

async function addToGroup(admin: Page, userMain: string, group: string) {
  await admin.goto(`${app.appUrl}/admin`);
  await admin.getByRole("tab", { name: "Users" }).click();
  const row = admin.getByRole("row").filter({ hasText: userMain });
  const box = row.getByLabel(group, { exact: true });
  // The box shows the server's state: it turns checked once the membership is stored.
  await box.click();
  await admin.waitForFunction((el) => (el as HTMLInputElement).checked, await box.elementHandle(), { timeout: 10_000 });
}

async function finderNames(page: Page): Promise<string[]> {
  await page.goto(`${app.appUrl}/finder`);
  await page.getByTestId("finder-total").waitFor();
  await expect.poll(() => page.getByTestId("finder-total").textContent()).not.toBe("0 characters");
  return page
    .getByTestId("finder-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.querySelector("td")?.textContent ?? ""));
}

beforeAll(async () => {
  // This walk is about who sees what; section loading (demo-walk checks the demo loads) would only slow the one-connection demo.
  app = await startDemoApp({ MEMBERAUDIT_UPDATES_ENABLED: "0" });
  browser = await launchChromium();
  const admin = await signIn(ADMIN.name); // first user: superuser
  for (const name of [PILOT.name, MEMBER.name, LEADER.name, RECRUITER.name]) {
    const page = await signIn(name);
    await register(page, name);
  }
  await createGroup(admin, "Recruiters", ["finder_access", "view_shared_characters"]);
  await createGroup(admin, "Leadership", ["finder_access", "characters_access", "view_same_corporation"]);
  await addToGroup(admin, RECRUITER.name, "Recruiters");
  await addToGroup(admin, LEADER.name, "Leadership");
}, 420_000);

afterAll(async () => {
  for (const { context } of sessions.values()) await context.close();
  await browser?.close();
  await app?.stop();
});

describe("roles in Chromium", () => {
  it("a pilot sees only their own characters and has no finder", async () => {
    const { page } = sessions.get(PILOT.name)!;
    await page.goto(`${app.appUrl}/launcher`);
    expect(await page.locator("[data-testid^=character-]").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Finder" }).count()).toBe(0);
    expect((await page.goto(`${app.appUrl}/finder`))?.status()).toBe(404);
    expect((await page.goto(`${app.appUrl}/characters/${MEMBER.characterId}`))?.status()).toBe(404);
    expect((await page.goto(`${app.appUrl}/characters/${PILOT.characterId}`))?.status()).toBe(200);
    // Ids no column can hold are the same 404, never the database's 500 (issue 11, finding 1).
    for (const bad of ["2147483648", "abc", `${PILOT.characterId}/mail?mail=99999999999999999999`]) {
      expect((await page.goto(`${app.appUrl}/characters/${bad}`))?.status(), bad).toBe(404);
    }
  });

  it("a corp leader finds the corporation's members and opens them, but not a foreign alliance character", async () => {
    const { page } = sessions.get(LEADER.name)!;
    // Corporation membership arrives with the public refresh job after sign-in.
    await expect.poll(async () => (await finderNames(page)).join("|"), { timeout: 30_000 }).toContain(MEMBER.name);
    const names = await finderNames(page);
    expect(names.some((n) => n.includes(RECRUITER.name))).toBe(false);
    expect(names.some((n) => n.includes(PILOT.name))).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "finder.png"), fullPage: true });
    expect((await page.goto(`${app.appUrl}/characters/${MEMBER.characterId}`))?.status()).toBe(200);
    expect(await page.getByTestId("character-name").textContent()).toBe(MEMBER.name);
    expect((await page.goto(`${app.appUrl}/characters/${RECRUITER.characterId}`))?.status()).toBe(404);
  });

  it("a recruiter sees shared characters only; sharing then unsharing changes that", async () => {
    const recruiter = sessions.get(RECRUITER.name)!.page;
    const pilot = sessions.get(PILOT.name)!.page;
    expect((await finderNames(recruiter)).some((n) => n.includes(PILOT.name))).toBe(false);

    await pilot.goto(`${app.appUrl}/launcher`);
    await pilot.getByRole("switch", { name: "Shared" }).click();
    await expect.poll(() => pilot.getByRole("switch", { name: "Shared" }).isChecked()).toBe(true);
    const withShare = await finderNames(recruiter);
    expect(withShare.some((n) => n.includes(PILOT.name))).toBe(true);
    expect(withShare.some((n) => n.includes(MEMBER.name))).toBe(false);
    expect((await recruiter.goto(`${app.appUrl}/characters/${PILOT.characterId}`))?.status()).toBe(200);

    await pilot.goto(`${app.appUrl}/launcher`);
    await pilot.getByRole("switch", { name: "Shared" }).click();
    await expect.poll(() => pilot.getByRole("switch", { name: "Shared" }).isChecked()).toBe(false);
    expect((await finderNames(recruiter)).some((n) => n.includes(PILOT.name))).toBe(false);
    expect((await recruiter.goto(`${app.appUrl}/characters/${PILOT.characterId}`))?.status()).toBe(404);
  });
});
