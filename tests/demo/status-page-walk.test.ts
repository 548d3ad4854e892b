// /admin/status walked in Chromium during a new character's first update: the queue lists
// the job functions, and a section's counts move from nothing to ok while the page sits
// there (it polls; no reload). It fits 390 px without sideways scrolling, its charts have
// their figures as tables, and a user without view_status gets 404.
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { SCREENSHOT_DIR, demoContext, launchChromium, signInThroughSso } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";

const [ADMIN, STRANGER] = [simCharacters[0]!, simCharacters[2]!];
vi.setConfig({ testTimeout: 420_000 });
let app: DemoApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signIn(name: string): Promise<Page> {
  const context = await demoContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await signInThroughSso(page, app.appUrl, name);
  return page;
}

/** A section row's cells: section, ok, error, stale, token fault, running, … */
async function sectionCells(page: Page, section: string): Promise<string[]> {
  return page.getByTestId(`section-${section}`).locator("th, td").allTextContents();
}

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchChromium();
}, 420_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
});

describe("status page in Chromium", () => {
  let admin: Page;

  it("shows the queue and a section's live counts during a first update, refreshing by itself", async () => {
    admin = await signIn(ADMIN.name); // the first user: superuser
    await admin.goto(`${app.appUrl}/admin/status`);
    await admin.getByTestId("queue-panel").waitFor();
    expect(await sectionCells(admin, "skills")).toEqual(expect.arrayContaining(["skills"]));
    const before = await sectionCells(admin, "skills");
    expect(before[1]).toBe("0");

    // Register in another tab; the status page stays open and is never reloaded.
    const other = await admin.context().newPage();
    await other.goto(`${app.appUrl}/launcher`);
    await other.getByRole("button", { name: "Add character" }).click();
    await other.waitForURL(/\/v2\/oauth\/authorize/);
    await other.getByRole("button", { name: ADMIN.name, exact: true }).click();
    await other.waitForURL(/\/launcher\?added=/);
    await other.close();

    await expect
      .poll(() => admin.getByTestId("queue-update-character").count(), { timeout: 120_000, interval: 1_000 })
      .toBe(1);
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "admin-status-during-update.png"), fullPage: true });
    await expect
      .poll(async () => (await sectionCells(admin, "skills"))[1], { timeout: 360_000, interval: 2_000 })
      .toBe("1");
    expect(await admin.getByTestId("tokens-panel").textContent()).toMatch(/Valid\s*1/);
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "admin-status-after-update.png"), fullPage: true });
  });

  it("gives each chart its figures as a table, opened from the keyboard", async () => {
    const chart = admin.getByTestId("esi-rpm-chart");
    expect(await chart.getByRole("img").getAttribute("aria-label")).toMatch(/requests in all/);
    await chart.getByText("Show the figures as a table").focus();
    await admin.keyboard.press("Enter");
    expect(await chart.getByRole("table").locator("tbody tr").count()).toBe(30);
  });

  it("fits 390 px without sideways scrolling", async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.goto(`${app.appUrl}/admin/status`);
    await admin.getByTestId("sections-panel").waitFor();
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "admin-status-390.png"), fullPage: true });
  });

  it("a user without view_status gets 404 from the page", async () => {
    const stranger = await signIn(STRANGER.name);
    expect((await stranger.goto(`${app.appUrl}/admin/status`))?.status()).toBe(404);
  });
});
