// /admin/compliance walked in Chromium with the keyboard: the first user (superuser)
// registers their main, makes a group, designates it with a rule, previews who would
// join (themself), saves, and is told they joined. The page fits 390 px without sideways
// scrolling; a user who is not a superuser gets 404 from the page and FORBIDDEN from the API.
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

/** Activates a control from the keyboard, as a keyboard user would. */
async function press(page: Page, role: "button" | "link", name: string) {
  const control = page.getByRole(role, { name, exact: true });
  await control.focus();
  await page.keyboard.press("Enter");
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

describe("compliance groups admin in Chromium", () => {
  let admin: Page;

  it("designates a group with a rule, previews the admin joining, saves, and the admin is told", async () => {
    admin = await signIn(ADMIN.name); // the first user: superuser
    await admin.getByRole("button", { name: "Add character" }).click();
    await admin.waitForURL(/\/v2\/oauth\/authorize/);
    await admin.getByRole("button", { name: ADMIN.name, exact: true }).click();
    await admin.waitForURL(/\/launcher\?added=/);

    await admin.goto(`${app.appUrl}/admin`);
    await press(admin, "button", "New group");
    await admin.getByLabel("Name").fill("Fleet");
    await press(admin, "button", "Save group");
    await admin.getByText("Fleet", { exact: true }).waitFor();
    await press(admin, "link", "Compliance groups");
    await admin.waitForURL(/\/admin\/compliance$/);

    await press(admin, "button", "Designate Fleet");
    await admin.getByLabel("Signed in within (days)").fill("7");
    expect(await admin.getByRole("button", { name: "Save", exact: true }).isDisabled()).toBe(true);
    await press(admin, "button", "Preview");
    const join = admin.getByTestId("plan-join");
    await expect.poll(() => join.textContent()).toContain("Would join: 1");
    expect(await join.textContent()).toContain(ADMIN.name);
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "compliance-preview.png"), fullPage: true });

    await press(admin, "button", "Save");
    await expect.poll(() => admin.getByLabel("Saved: who joined and left").textContent()).toContain(ADMIN.name);
    await press(admin, "button", "Done");
    const group = admin.getByTestId("compliance-group").filter({ hasText: "Fleet" });
    await expect.poll(() => group.textContent()).toContain("compliance group");
    expect(await group.textContent()).toContain("1 member");
    expect(await group.textContent()).not.toContain("1 members");
    expect(await group.textContent()).toContain("signed in within 7 days");

    await admin.goto(`${app.appUrl}/notifications`);
    await expect.poll(() => admin.locator("main").textContent()).toContain("You joined Fleet");
  });

  it("fits 390 px without sideways scrolling, the rules form open", async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.goto(`${app.appUrl}/admin/compliance`);
    await press(admin, "button", "Edit rules of Fleet");
    await admin.getByLabel("Signed in within (days)").waitFor();
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "compliance-390.png"), fullPage: true });
    await admin.setViewportSize({ width: 1280, height: 800 });
  });

  it("a user who is not a superuser gets 404 from the page and FORBIDDEN from the API", async () => {
    const stranger = await signIn(STRANGER.name);
    expect((await stranger.goto(`${app.appUrl}/admin/compliance`))?.status()).toBe(404);
    const answer = await stranger.evaluate(async () => {
      const res = await fetch("/api/trpc/compliance.groups");
      return { status: res.status, body: await res.text() };
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("FORBIDDEN");
  });
});
