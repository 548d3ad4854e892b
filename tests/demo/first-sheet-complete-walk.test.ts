// The first ten minutes of a new install: on a fresh demo data folder a new user signs
// in, registers a character and opens its assets tab as soon as its first update is
// done. Market prices and the types the character uses were loaded at start (or as its
// sections landed), so the tab shows a value and every volume, not "0 ISK" and "volume
// unknown" until the 15-minute jobs catch up. The demo serves robots.txt and the favicon.
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { SCREENSHOT_DIR, demoContext, launchChromium, signInThroughSso } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";

const MAIN = simCharacters[0]!;
vi.setConfig({ testTimeout: 420_000 });
let app: DemoApp;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  app = await startDemoApp({ DEMO_PRELOAD: "1" });
  browser = await launchChromium();
}, 420_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

describe("a new install's first sheet", () => {
  it("loaded the market prices and the characters' types at start", () => {
    expect(app.output()).toMatch(/EVE data ready: [1-9]\d* market prices and [1-9]\d* types loaded in [\d.]+ s/);
  });

  it("shows the assets' value and every volume once the first update is done", async () => {
    context = await demoContext(browser);
    const page = await context.newPage();
    await signInThroughSso(page, app.appUrl, MAIN.name);
    const card = page.getByTestId(`character-${MAIN.characterId}`);
    await card.getByRole("button", { name: "Register" }).click();
    await page.waitForURL(/\/v2\/oauth\/authorize/);
    await page.getByRole("button", { name: MAIN.name, exact: true }).click();
    await page.waitForURL(/\/launcher\?added=/);

    // The portrait on the card comes from the simulator's image server (EVE_IMAGE_BASE_URL in the demo).
    const portrait = await card.locator("img").first().getAttribute("src");
    expect(portrait).toBe(`${app.simUrl}/images/characters/${MAIN.characterId}/portrait?size=128`);

    const sheet = `${app.appUrl}/characters/${MAIN.characterId}`;
    await expect
      .poll(
        async () => {
          await page.goto(sheet);
          return page.getByTestId("overall-status").textContent();
        },
        { timeout: 240_000, interval: 3_000 },
      )
      .toBe("Up to date");

    // Once, no reloading until it looks right: what the user sees first.
    await page.goto(`${sheet}/assets`);
    const totals = (await page.getByTestId("assets-totals").textContent()) ?? "";
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "first-sheet-assets.png"), fullPage: true });
    expect(totals).not.toContain("volume unknown");
    const value = /([\d,.]+)\s*([kmbt]?)\s*ISK at average market prices/i.exec(totals);
    expect(value, totals).not.toBeNull();
    expect(Number(value![1]!.replace(/,/g, ""))).toBeGreaterThan(0);
    expect(await page.getByTestId("assets-tree").locator("[data-testid^=asset-location-]").count()).toBeGreaterThan(0);
  });

  it("keeps the install out of search engines and serves its favicon", async () => {
    const robots = await fetch(`${app.appUrl}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await robots.text()).toMatch(/^User-agent: \*\s*$[\s\S]*^Disallow: \/\s*$/m);
    expect(robots.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const signin = await fetch(`${app.appUrl}/signin`);
    expect(signin.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const html = await signin.text();
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(html).toMatch(/<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"/);
    const icon = await fetch(`${app.appUrl}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  });
});
