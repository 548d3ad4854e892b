// /exports walked in Chromium: the first user (a superuser, so holding exports_access)
// registers a character, waits for its wallet journal, presses "Build now" on the
// journal, sees the named progress bar, then Download: the zip is opened and its CSV
// parsed. Pressing again within the minimum age is refused. A user without
// exports_access gets 404 from the page and 403 from the download. 390 px fits.
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { SCREENSHOT_DIR, demoContext, launchChromium, signInThroughSso } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";
import { exportCsv } from "../support/zip-csv";

const [PILOT, STRANGER] = [simCharacters[0]!, simCharacters[2]!];
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

beforeAll(async () => {
  app = await startDemoApp({ MEMBERAUDIT_DATA_EXPORT_CHUNK_ROWS: "1000" });
  browser = await launchChromium();
}, 420_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
});

describe("data exports in Chromium", () => {
  let pilot: Page;

  it("Build now shows progress, then Download gives a zip whose CSV holds the journal", async () => {
    pilot = await signIn(PILOT.name);
    await pilot.getByRole("button", { name: "Add character" }).click();
    await pilot.waitForURL(/\/v2\/oauth\/authorize/);
    await pilot.getByRole("button", { name: PILOT.name, exact: true }).click();
    await pilot.waitForURL(/\/launcher\?added=/);

    const card = pilot.getByTestId("export-wallet_journal");
    await expect
      .poll(
        async () => {
          await pilot.goto(`${app.appUrl}/exports`);
          return card.getByText(/rows now/).textContent();
        },
        { timeout: 300_000, interval: 3000 },
      )
      .not.toMatch(/^0 rows/);
    await expect.poll(() => pilot.getByText("all registered characters").count()).toBe(1);

    await card.getByRole("button", { name: "Build now: Wallet journal" }).click();
    const bar = card.getByRole("progressbar", { name: "Building Wallet journal" });
    await bar.waitFor({ state: "attached", timeout: 30_000 });
    expect(await bar.getAttribute("aria-valuetext")).toMatch(/rows written/);
    const download = card.getByRole("link", { name: "Download Wallet journal" });
    await download.waitFor({ timeout: 120_000 });
    await expect.poll(() => bar.count(), { timeout: 120_000 }).toBe(0);

    // The link's own address, fetched with the page's session (Chromium's download event is not relied on headless).
    const href = (await download.getAttribute("href"))!;
    const answer = await pilot.request.get(`${app.appUrl}${href}`);
    expect(answer.status()).toBe(200);
    const day = new Date().toISOString().slice(0, 10);
    expect(answer.headers()["content-disposition"]).toBe(
      `attachment; filename="memberaudit_wallet_journal_${day}.zip"`,
    );
    const { rows } = exportCsv(Buffer.from(await answer.body()));
    expect(rows[0]!.slice(0, 4)).toEqual(["Character", "Character ID", "Entry ID", "Date"]);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[0] === PILOT.name && r[1] === String(PILOT.characterId))).toBe(true);

    // Within the minimum age the button is off, and the server refuses a forced call.
    await pilot.reload();
    expect(await card.getByRole("button", { name: "Build now: Wallet journal" }).isDisabled()).toBe(true);
  });

  it("fits 390 px without sideways scrolling", async () => {
    await pilot.setViewportSize({ width: 390, height: 844 });
    await pilot.goto(`${app.appUrl}/exports`);
    expect(await pilot.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await pilot.screenshot({ path: path.join(SCREENSHOT_DIR, "exports-390.png"), fullPage: true });
  });

  it("refuses a user without exports_access: page 404, download 403", async () => {
    const stranger = await signIn(STRANGER.name);
    const page = await stranger.goto(`${app.appUrl}/exports`);
    expect(page?.status()).toBe(404);
    const answer = await stranger.request.get(`${app.appUrl}/exports/wallet_journal/download`);
    expect(answer.status()).toBe(403);
  });
});
