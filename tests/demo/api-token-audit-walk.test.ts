// API tokens and the audit log walked in Chromium on the demo app: a superuser creates
// a token (its secret shown once), the example client calls the API with it, and the
// audit page shows that call; the owner of the character looked at sees who looked on
// the launcher. Both pages fit 390 px without sideways scrolling. (LDAP sign-in, the
// acceptance walk's first step, belongs to the LDAP work.)
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simCharacters } from "~/simulator/roster";
import { memberAuditClient } from "../../examples/api-client";
import { SCREENSHOT_DIR, demoContext, launchChromium, signInThroughSso } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";

const [ADMIN, STRANGER] = [simCharacters[0]!, simCharacters[2]!];
vi.setConfig({ testTimeout: 420_000 });
let app: DemoApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signInAndRegister(name: string): Promise<Page> {
  const context = await demoContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await signInThroughSso(page, app.appUrl, name);
  await page.getByRole("button", { name: "Add character" }).click();
  await page.waitForURL(/\/v2\/oauth\/authorize/);
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForURL(/\/launcher\?added=/);
  return page;
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

describe("API tokens and the audit log in Chromium", () => {
  let admin: Page;
  let stranger: Page;
  let secret: string;

  it("creates a token whose secret is shown once", async () => {
    admin = await signInAndRegister(ADMIN.name); // the first user: superuser, holds api_access
    stranger = await signInAndRegister(STRANGER.name);
    await admin.goto(`${app.appUrl}/launcher`);
    await admin.getByRole("link", { name: "API tokens" }).click();
    await admin.waitForURL(/\/account\/tokens/);
    await admin.getByLabel("Name").fill("walk client");
    await admin.getByLabel("characters_access").check();
    await admin.getByLabel("view_everything").check();
    await admin.getByRole("button", { name: "Create token" }).click();
    secret = (await admin.getByTestId("token-secret").textContent())!;
    expect(secret).toMatch(/^ma_.{10}_.{43}$/);
    await admin.reload();
    expect(await admin.getByTestId("token-secret").count()).toBe(0);
    expect(await admin.getByTestId("tokens").textContent()).toContain("walk client");
    expect(await admin.content()).not.toContain(secret.slice(14));
  });

  it("calls the API with the example client, and the audit page shows the call", async () => {
    const client = memberAuditClient(app.appUrl, secret);
    const strangerId = STRANGER.characterId;
    expect((await client.characters.mine.query()).map((c) => c.id)).toContain(ADMIN.characterId);
    await client.sheet.industry.get.query({ characterId: strangerId });
    await expect
      .poll(
        async () => {
          await admin.goto(`${app.appUrl}/admin/audit`);
          return admin
            .getByTestId("audit-rows")
            .textContent({ timeout: 5000 })
            .catch(() => "");
        },
        { timeout: 30_000 },
      )
      .toMatch(new RegExp(`character\\.view.*via token.*${STRANGER.name}.*sheet\\.industry\\.get`));
  });

  it("shows the owner who looked, on the launcher", async () => {
    await stranger.goto(`${app.appUrl}/launcher`);
    const section = await stranger.getByTestId("who-looked").textContent();
    expect(section).toContain(ADMIN.name);
    expect(section).toContain("with an API token");
  });

  it("fits 390 px without sideways scrolling", async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    for (const route of ["/account/tokens", "/admin/audit"]) {
      await admin.goto(`${app.appUrl}${route}`);
      expect([route, await admin.evaluate(() => document.documentElement.scrollWidth)]).toEqual([route, 390]);
      await admin.screenshot({ path: path.join(SCREENSHOT_DIR, `${route.slice(1).replace("/", "-")}-390.png`) });
    }
  });
});
