// The notification centre in Chromium: a member removes a character, so the superuser
// (who holds notified_on_character_removal and sees everything) finds the bell saying
// "1 unread", reads the notice on /notifications at 390 px without sideways scrolling,
// and clears it with the keyboard; the bell then says 0 unread.
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { demoContext, launchChromium, SCREENSHOT_DIR } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";

const byName = (name: string) => simCharacters.find((c) => c.name === name)!;
const ADMIN = byName("Aura Vexlin");
const PILOT = byName("Ilsa Marrow");

vi.setConfig({ testTimeout: 300_000 });
let app: DemoApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signIn(name: string): Promise<Page> {
  const context = await demoContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.appUrl}/signin`);
  await page.getByRole("button", { name: "Sign in with EVE Online" }).click();
  await page.waitForURL(/\/v2\/oauth\/authorize/);
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForURL(/\/launcher/);
  return page;
}

beforeAll(async () => {
  app = await startDemoApp({ MEMBERAUDIT_UPDATES_ENABLED: "0" });
  browser = await launchChromium();
}, 420_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
});

describe("notification centre in Chromium", () => {
  it("tells the superuser about a removal and clears it from the keyboard", async () => {
    const admin = await signIn(ADMIN.name); // first user: superuser
    await expect.poll(() => admin.getByRole("link", { name: "Notifications, 0 unread" }).count()).toBe(1);

    const pilot = await signIn(PILOT.name);
    await pilot.getByRole("button", { name: "Add character" }).click();
    await pilot.waitForURL(/\/v2\/oauth\/authorize/);
    await pilot.getByRole("button", { name: PILOT.name, exact: true }).click();
    await pilot.waitForURL(/\/launcher\?added=/);
    await pilot.getByRole("button", { name: "Remove", exact: true }).click();
    await pilot.getByRole("button", { name: `Confirm removing ${PILOT.name}` }).click();
    // Done when the confirmation is gone too: the card then shows the character as no longer registered.
    await expect
      .poll(async () => (await pilot.getByRole("button", { name: /^(Remove|Confirm removing .*)$/ }).count()) === 0, {
        timeout: 60_000,
      })
      .toBe(true);

    await admin.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(
        async () => {
          await admin.goto(`${app.appUrl}/launcher`);
          return admin.getByRole("link", { name: "Notifications, 1 unread" }).count();
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    const bell = admin.getByRole("link", { name: "Notifications, 1 unread" });
    await bell.focus();
    await admin.keyboard.press("Enter");
    await admin.waitForURL(/\/notifications$/);
    const item = admin.getByTestId("notification").first();
    await expect.poll(() => item.textContent(), { timeout: 60_000 }).toContain(`Character removed: ${PILOT.name}`);
    expect(await item.getAttribute("data-unread")).toBe("true");
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "notifications-unread-390.png"), fullPage: true });

    await admin.getByRole("button", { name: "Mark all read" }).focus();
    await admin.keyboard.press("Enter");
    await expect.poll(() => item.getAttribute("data-unread"), { timeout: 60_000 }).toBe("false");
    await expect
      .poll(() => admin.getByRole("link", { name: "Notifications, 0 unread" }).count(), { timeout: 60_000 })
      .toBe(1);
    await admin.setViewportSize({ width: 1280, height: 800 });
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "notifications-read.png"), fullPage: true });
  });
});
