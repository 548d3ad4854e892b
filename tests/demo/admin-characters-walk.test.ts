// /admin/characters walked in Chromium as a new administrator would: two characters whose
// wallet ESI refused show as errors; filtered to errors, both selected, "update now" puts
// both in progress and then ok; one disabled (its data still shows, nothing is due), then
// enabled again. A user without manage_characters gets 404 from the page and FORBIDDEN
// from the API; the page fits 390 px without sideways scrolling.
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { SCREENSHOT_DIR, demoContext, launchChromium, signInThroughSso } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";

const [ADMIN, ALT, STRANGER] = [simCharacters[0]!, simCharacters[1]!, simCharacters[2]!];
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

async function register(page: Page, name: string) {
  await page.goto(`${app.appUrl}/launcher`);
  await page.getByRole("button", { name: "Add character" }).click();
  await page.waitForURL(/\/v2\/oauth\/authorize/);
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForURL(/\/launcher\?added=/);
}

const sim = (route: string, init: RequestInit = {}) =>
  fetch(`${app.simUrl}${route}`, { headers: { "Content-Type": "application/json" }, ...init });
/** The list's count once the current query has answered ("Loading…" until then). */
async function loadedTotal(page: Page): Promise<string | null> {
  const total = page.getByTestId("admin-characters-total");
  await expect.poll(() => total.textContent()).not.toBe("Loading…");
  return total.textContent();
}
const statusOf = (page: Page, id: number) =>
  page.getByTestId(`admin-character-${id}`).getByTestId("total-status").textContent();

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchChromium();
  // The wallet answers 503 for now: both characters' first loads end with an error.
  const fault = await sim("/_sim/faults", {
    method: "POST",
    body: JSON.stringify({ kind: "status", status: 503, route: "/characters/{character_id}/wallet" }),
  });
  expect(fault.status).toBe(200);
}, 420_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
});

describe("administrators' character list in Chromium", () => {
  let admin: Page;

  it("filtered to errors, two selected, update now: both in progress, then ok", async () => {
    admin = await signIn(ADMIN.name); // the first user: superuser
    await register(admin, ADMIN.name);
    await register(admin, ALT.name);
    await admin.goto(`${app.appUrl}/admin/characters`);
    await expect
      .poll(
        async () => {
          await admin.reload();
          await admin.getByLabel("Status").selectOption("error");
          await loadedTotal(admin);
          return admin.getByTestId("admin-characters-table").getByTestId("total-status").allTextContents();
        },
        { timeout: 360_000, interval: 3_000 },
      )
      .toEqual(["Error", "Error"]);
    expect(await loadedTotal(admin)).toBe("2 characters");
    for (const c of [ADMIN, ALT]) expect(await statusOf(admin, c.characterId)).toBe("Error");
    expect(await admin.getByTestId(`admin-character-${ALT.characterId}`).textContent()).toContain("wallet");
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "admin-characters-errors.png"), fullPage: true });

    expect((await sim("/_sim/faults", { method: "DELETE" })).status).toBe(200);
    await admin.getByLabel(`Select ${ADMIN.name}`).check();
    await admin.getByLabel(`Select ${ALT.name}`).check();
    await admin.getByRole("button", { name: "Update now" }).click();
    const outcomes = admin.getByTestId("action-outcomes");
    await expect.poll(() => outcomes.textContent()).toContain(`${ADMIN.name}: Update of`);
    expect(await outcomes.textContent()).toContain(`${ALT.name}: Update of`);

    await admin.getByLabel("Status").selectOption("");
    for (const c of [ADMIN, ALT]) await expect.poll(() => statusOf(admin, c.characterId)).toBe("In progress");
    for (const c of [ADMIN, ALT])
      await expect.poll(() => statusOf(admin, c.characterId), { timeout: 360_000, interval: 2_000 }).toBe("OK");
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "admin-characters-ok.png"), fullPage: true });
  });

  it("disables one: its data still shows and nothing is due; enabled again", async () => {
    await admin.goto(`${app.appUrl}/admin/characters`);
    await admin.getByLabel(`Select ${ALT.name}`).check();
    await admin.getByRole("button", { name: "Disable" }).click();
    await expect.poll(() => admin.getByTestId("action-outcomes").textContent()).toContain(`${ALT.name}: Now disabled.`);
    await expect.poll(() => statusOf(admin, ALT.characterId)).toBe("Disabled");
    expect(await statusOf(admin, ADMIN.characterId)).toBe("OK");

    await admin.getByRole("button", { name: `Sections of ${ALT.name}` }).click();
    const sections = admin.getByTestId("section-table");
    await expect.poll(() => sections.getByTestId("admin-section-skills").textContent()).toContain("never (disabled)");

    await admin.goto(`${app.appUrl}/characters/${ALT.characterId}`);
    await expect.poll(() => admin.getByTestId("overview-sp").textContent()).toMatch(/[\d,]+ SP/);

    await admin.goto(`${app.appUrl}/admin/characters`);
    await admin.getByLabel(`Select ${ALT.name}`).check();
    await admin.getByRole("button", { name: "Enable" }).click();
    await expect.poll(() => admin.getByTestId("action-outcomes").textContent()).toContain(`${ALT.name}: Now enabled.`);
    await expect.poll(() => statusOf(admin, ALT.characterId)).toBe("OK");
  });

  it("fits 390 px without sideways scrolling; the table scrolls in its own labelled region", async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.goto(`${app.appUrl}/admin/characters`);
    await admin.getByTestId(`admin-character-${ADMIN.characterId}`).waitFor();
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await admin.getByRole("region", { name: "Characters table, scrolls sideways" }).count()).toBe(1);
    await admin.screenshot({ path: path.join(SCREENSHOT_DIR, "admin-characters-390.png"), fullPage: true });
    await admin.setViewportSize({ width: 1280, height: 800 });
  });

  it("a user without manage_characters gets 404 from the page and FORBIDDEN from the API", async () => {
    const stranger = await signIn(STRANGER.name);
    expect((await stranger.goto(`${app.appUrl}/admin/characters`))?.status()).toBe(404);
    expect(await stranger.getByRole("link", { name: "Characters", exact: true }).count()).toBe(0);
    const answer = await stranger.evaluate(async () => {
      const input = encodeURIComponent(JSON.stringify({ json: {} }));
      const res = await fetch(`/api/trpc/adminCharacters.list?input=${input}`);
      return { status: res.status, body: await res.text() };
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("FORBIDDEN");
  });
});
