// Debian's Chromium driven by playwright-core (Playwright's own browser download cannot run here).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../output/screenshots");

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A browser context for the demo: it loads registered characters' sections in the
 * background on one database connection, so pages can be slow meanwhile.
 */
export async function demoContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  context.setDefaultTimeout(120_000);
  return context;
}

/** Signs a simulator character in through the demo's EVE SSO page, as a person would, and waits for the launcher. */
export async function signInThroughSso(page: Page, appUrl: string, name: string): Promise<void> {
  await page.goto(`${appUrl}/signin`);
  await page.getByRole("button", { name: "Sign in with EVE Online" }).click();
  await page.waitForURL(/\/v2\/oauth\/authorize/);
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForURL(/\/launcher/);
}

/** Registers a simulator character with "Add character" (SSO again, every scope), as a signed-in person would. */
export async function registerThroughSso(page: Page, appUrl: string, name: string): Promise<void> {
  await page.goto(`${appUrl}/launcher`);
  await page.getByRole("button", { name: "Add character" }).click();
  await page.waitForURL(/\/v2\/oauth\/authorize/);
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForURL(/\/launcher\?added=/);
}
