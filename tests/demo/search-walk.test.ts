// /search in Chromium on the demo: the header links it, a mail search runs from the
// keyboard alone and its rows open the mail in the sheet, and no tab scrolls sideways
// on a 390 px wide screen.
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { demoContext, launchChromium, SCREENSHOT_DIR } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";

const ADMIN = simCharacters.find((c) => c.name === "Aura Vexlin")!;

vi.setConfig({ testTimeout: 300_000 });
let app: DemoApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchChromium();
  context = await demoContext(browser);
  page = await context.newPage();
  await page.goto(`${app.appUrl}/signin`);
  await page.getByRole("button", { name: "Sign in with EVE Online" }).click();
  await page.waitForURL(/\/v2\/oauth\/authorize/);
  await page.getByRole("button", { name: ADMIN.name, exact: true }).click();
  await page.waitForURL(/\/launcher/);
  await page.getByRole("button", { name: "Add character" }).click();
  await page.waitForURL(/\/v2\/oauth\/authorize/);
  await page.getByRole("button", { name: ADMIN.name, exact: true }).click();
  await page.waitForURL(/\/launcher\?added=/);
}, 420_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

/** Every simulated character has mails with "Re:" and "rates" subjects; "re" finds some once the section landed. */
async function searchMailsByKeyboard(): Promise<number> {
  await page.goto(`${app.appUrl}/search?kind=mails`);
  await page.getByLabel("Subject contains").focus();
  await page.keyboard.type("re");
  await page.keyboard.press("Enter");
  await page.getByTestId("mail-results-count").waitFor();
  return page.getByTestId("mail-results").locator("tbody tr").count();
}

describe("search in Chromium", () => {
  it("is in the header, searches mails from the keyboard and opens a result in the sheet", async () => {
    await page.goto(`${app.appUrl}/launcher`);
    await page.getByRole("link", { name: "Search", exact: true }).click();
    await page.waitForURL(/\/search$/);
    await expect.poll(searchMailsByKeyboard, { timeout: 120_000, interval: 3_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "search-mails.png"), fullPage: true });
    const subject = page.getByTestId("mail-results").locator("tbody tr").first().getByRole("link").last();
    const href = await subject.getAttribute("href");
    expect(href).toMatch(new RegExp(`^/characters/${ADMIN.characterId}/mail\\?mail=\\d+$`));
    await subject.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/characters\/\d+\/mail\?mail=\d+/);
  });

  it("keeps every tab within a 390 px wide screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const kind of ["", "?kind=skills", "?kind=mails"]) {
      await page.goto(`${app.appUrl}/search${kind}`);
      await page.getByRole("heading", { name: "Search across characters" }).waitFor();
      if (kind === "?kind=mails") {
        await page.getByLabel("Subject contains").fill("re");
        await page.getByRole("button", { name: "Search mails" }).click();
        await page.getByTestId("mail-results-count").waitFor();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ kind, overflow }).toEqual({ kind, overflow: 0 });
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "search-mails-390.png"), fullPage: true });
  });
});
