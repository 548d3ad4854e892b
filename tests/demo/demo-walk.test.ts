// The demo as a new user meets it: `npm run demo`'s launcher, Chromium, the
// simulator's login page. Sign in, register two characters, remove one; then the
// refusals (replayed code, wrong state) and the secrets check on what was stored and logged.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { simCharacters } from "~/simulator/roster";
import { demoContext, launchChromium, SCREENSHOT_DIR } from "../support/browser";
import { type DemoApp, startDemoApp } from "../support/demo-app";

const [main, alt] = [simCharacters[0]!, simCharacters[1]!];
// Slow pages while the demo loads sections in the background (see demoContext).
vi.setConfig({ testTimeout: 300_000 });
let app: DemoApp;
let browser: Browser;
let loginCallbackUrl = "";

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchChromium();
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function pickCharacter(page: Page, name: string) {
  await page.waitForURL(/\/v2\/oauth\/authorize/);
  await page.getByRole("button", { name, exact: true }).click();
}

const card = (page: Page, id: number) => page.getByTestId(`character-${id}`);

// Every Content-Security-Policy violation on any page of the walk fails the test it happened in:
// the browser reports it as a DOM event (turned into a console line here) and as a console error.
let violations: string[] = [];
async function watchCsp(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
    );
  });
  context.on("console", (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy/i.test(text)) violations.push(`${message.location().url}: ${text}`);
  });
  return context;
}
const demoContextWatched = async (b: Browser) => watchCsp(await demoContext(b));
afterEach(() => {
  const seen = violations;
  violations = [];
  expect(seen).toEqual([]);
});

describe("demo walk in Chromium", () => {
  it("signs in, registers two characters with valid tokens, removes one", async () => {
    const context = await demoContextWatched(browser);
    const page = await context.newPage();
    page.on("request", (r) => {
      if (r.url().includes("/api/auth/callback/eveonline") && !loginCallbackUrl) loginCallbackUrl = r.url();
    });

    await page.goto(app.appUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/signin");
    await page.getByRole("button", { name: "Sign in with EVE Online" }).click();
    await pickCharacter(page, main.name);
    await page.waitForURL(/\/launcher/);
    await expect.poll(() => page.getByTestId("signed-in-as").textContent()).toContain(main.name);
    await expect
      .poll(() => card(page, main.characterId).getByTestId("token-status").textContent())
      .toContain("Not registered");

    // Register the main, then add a second character: each is its own SSO round trip with the full scope list.
    await card(page, main.characterId).getByRole("button", { name: "Register" }).click();
    await pickCharacter(page, main.name);
    await page.waitForURL(/\/launcher\?added=/);
    await page.getByRole("button", { name: "Add character" }).click();
    await pickCharacter(page, alt.name);
    await page.waitForURL(new RegExp(`/launcher\\?added=${alt.characterId}`));

    for (const c of [main, alt]) {
      await expect
        .poll(() => card(page, c.characterId).getByTestId("token-status").textContent())
        .toContain("Token valid");
    }
    // Still signed in as the main: adding a character does not switch users.
    expect(await page.getByTestId("signed-in-as").textContent()).toContain(main.name);
    // The public-details job fills in the corporation name in the background.
    await expect
      .poll(
        async () => {
          await page.reload();
          return card(page, alt.characterId).textContent();
        },
        {
          timeout: 120_000,
          interval: 2_000,
        },
      )
      .toContain("Sim Industries");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "launcher.png"), fullPage: true });

    await card(page, alt.characterId).getByRole("button", { name: "Remove" }).click();
    await page.getByRole("button", { name: `Confirm removing ${alt.name}` }).click();
    await expect.poll(() => card(page, alt.characterId).count()).toBe(0);
    await expect
      .poll(() => card(page, main.characterId).getByTestId("token-status").textContent())
      .toContain("Token valid");
    await context.close();
  });

  it("the registered character's sheet fills in by itself: overview, assets tree, skills, wallet, bio, contacts with the NPC filter", async () => {
    const context = await demoContextWatched(browser);
    const page = await context.newPage();
    await page.goto(`${app.appUrl}/signin`);
    await page.getByRole("button", { name: "Sign in with EVE Online" }).click();
    await pickCharacter(page, main.name);
    await page.waitForURL(/\/launcher/);
    await card(page, main.characterId).getByRole("link", { name: main.name }).click();
    await page.waitForURL(new RegExp(`/characters/${main.characterId}$`));
    const sheet = `${app.appUrl}/characters/${main.characterId}`;
    // No manual step: the update queued at registration loads every section in the background.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("overview-sp").textContent();
        },
        {
          timeout: 120_000,
          interval: 3_000,
        },
      )
      .toMatch(/[\d,]+ SP/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "viewer-overview.png"), fullPage: true });

    // Tabs are rendered on the server: reload until the section has landed.
    const reloadAndCount = (url: string, container: string, prefix: string) => async () => {
      await page.goto(url);
      return page.getByTestId(container).locator(`[data-testid^=${prefix}]`).count();
    };
    // Skills grouped under their EVE skill groups: the update named the types it stored, with no manual step.
    await expect
      .poll(reloadAndCount(`${sheet}/skills`, "skill-groups", "skill-group-"), { timeout: 90_000, interval: 3_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page
            .getByTestId("skill-groups")
            .locator("[data-testid^=skill-group-]:not([data-testid=skill-group-other])")
            .count();
        },
        {
          timeout: 90_000,
          interval: 3_000,
        },
      )
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "viewer-skills.png"), fullPage: true });

    await expect
      .poll(reloadAndCount(`${sheet}/assets`, "assets-tree", "asset-location-"), { timeout: 90_000, interval: 3_000 })
      .toBeGreaterThan(0);
    // The tree by keyboard (WAI-ARIA tree pattern): one tab stop, Right opens, Down moves into the items.
    const tree = page.getByRole("tree", { name: "Assets by location" });
    const firstLocation = tree.locator("[data-testid^=asset-location-]").first();
    await firstLocation.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => firstLocation.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => firstLocation.locator("[data-testid^=asset-]").count()).toBeGreaterThan(0);
    await page.keyboard.press("ArrowDown");
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
    await expect.poll(focused).toMatch(/^asset-\d+$/);
    expect(await tree.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1); // still one tab stop
    await page.keyboard.press("ArrowLeft"); // back to the location, which Left then closes
    await expect.poll(focused).toMatch(/^asset-location-/);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => firstLocation.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("Enter"); // and Enter opens it again, for the screenshot
    await expect.poll(() => firstLocation.locator("[data-testid^=asset-]").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "viewer-assets.png"), fullPage: true });

    await page.goto(`${sheet}/wallet`);
    await expect.poll(() => page.locator("body").textContent()).toContain("ISK");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "viewer-wallet.png"), fullPage: true });

    // The Bio tab shows the description the character wrote in game (sanitised on the server).
    await expect
      .poll(
        async () => {
          await page.goto(`${sheet}/bio`);
          return page.getByTestId("bio-body").count();
        },
        { timeout: 90_000, interval: 3_000 },
      )
      .toBe(1);
    expect((await page.getByTestId("bio-body").textContent())?.trim()).toBe(main.description);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "viewer-bio.png"), fullPage: true });

    // Contacts: the NPC filter leaves only rows tagged NPC, and as many as its button counts.
    await expect
      .poll(reloadAndCount(`${sheet}/contacts`, "contacts", "contact-row-"), { timeout: 90_000, interval: 3_000 })
      .toBeGreaterThan(0);
    const npcButton = page.getByTestId("contacts-kind-npcs");
    const npcCount = Number(/\((\d+)\)/.exec((await npcButton.textContent()) ?? "")?.[1]);
    await npcButton.click();
    await expect.poll(() => npcButton.getAttribute("aria-pressed")).toBe("true");
    const npcRows = page.getByTestId("contacts").locator("[data-testid^=contact-row-]");
    expect(npcCount).toBeGreaterThan(0);
    await expect.poll(() => npcRows.count()).toBe(npcCount);
    for (const row of await npcRows.all()) expect(await row.textContent()).toContain("NPC");
    await page.getByTestId("contacts-kind-players").click();
    await expect.poll(() => page.getByTestId("contacts").getByText("NPC", { exact: true }).count()).toBe(0);
    expect(await npcRows.count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "viewer-contacts-npc.png"), fullPage: true });
    await context.close();
  });

  it("refuses a replayed authorization code and stores nothing", async () => {
    expect(loginCallbackUrl).toContain("code=");
    const context = await demoContextWatched(browser);
    const page = await context.newPage();
    await page.goto(loginCallbackUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/signin");
    await expect.poll(() => page.getByTestId("auth-error").textContent()).toContain("could not be verified");
    expect(await page.getByTestId("signed-in-as").count()).toBe(0);
    await context.close();
  });

  it("refuses a callback whose state was tampered with", async () => {
    const context = await demoContextWatched(browser);
    const page = await context.newPage();
    // The SSO's redirect back to the app is rewritten to carry a state the app never issued.
    await page.route("**/v2/oauth/authorize", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers().location!);
      location.searchParams.set("state", "forged-state");
      await route.fulfill({ status: 302, headers: { location: location.toString() } });
    });
    await page.goto(`${app.appUrl}/signin`);
    await page.getByRole("button", { name: "Sign in with EVE Online" }).click();
    await pickCharacter(page, simCharacters[2]!.name);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/signin");
    await expect.poll(() => page.getByTestId("auth-error").textContent()).toContain("Nothing was stored");
    expect(await page.getByTestId("signed-in-as").count()).toBe(0);
    await context.close();
  });

  it("sends the security headers on a page, an API answer and a static file", async () => {
    const page = await fetch(`${app.appUrl}/signin`);
    const html = await page.text();
    const script = /<script src="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const answers = [page, await fetch(`${app.appUrl}/api/auth/csrf`), await fetch(`${app.appUrl}${script}`)];
    for (const answer of answers) {
      expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(answer.headers.get("strict-transport-security")).toBeNull(); // the demo is plain http
    }
    const csp = page.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    // Next stamped the request's nonce on its inline scripts; the image server is the simulator's.
    expect(html).toContain(`nonce="${nonce}"`);
    expect(csp).toContain(`img-src 'self' data: ${app.simUrl}`);
  });

  it("keeps tokens encrypted at rest and out of the logs; refused sign-ins created no user", async () => {
    await app.stop();
    // What the demo wrote (embedded database, secrets.json) is private to its owner.
    const loose = readdirSync(app.dataDir, { recursive: true, withFileTypes: true })
      .map((e) => ({ p: path.join(e.parentPath, e.name), dir: e.isDirectory() }))
      .filter(({ p, dir }) => (statSync(p).mode & 0o777) !== (dir ? 0o700 : 0o600));
    expect(loose).toEqual([]);
    expect(statSync(app.dataDir).mode & 0o777).toBe(0o700);
    const secrets = JSON.parse(readFileSync(path.join(app.dataDir, "secrets.json"), "utf8"));
    const cipher = createTokenCipher({ current: secrets.tokenEncryptionKey });
    const pglite = await PGlite.create(path.join(app.dataDir, "pglite"));
    try {
      const tokens = (
        await pglite.query<{ characterId: number; refreshTokenEnc: string; accessTokenEnc: string }>(
          `SELECT * FROM "EsiToken"`,
        )
      ).rows;
      expect(tokens.map((t) => t.characterId)).toEqual([main.characterId]);
      const plain = tokens.flatMap((t) => [cipher.decrypt(t.refreshTokenEnc), cipher.decrypt(t.accessTokenEnc)]);
      for (const secret of plain) {
        expect(JSON.stringify(tokens)).not.toContain(secret);
        expect(app.output()).not.toContain(secret);
      }
      expect(app.output()).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/); // no JWT in any log line
      const users = (await pglite.query<{ mainCharacterId: number }>(`SELECT "mainCharacterId" FROM "User"`)).rows;
      expect(users.map((u) => u.mainCharacterId)).toEqual([main.characterId]);
    } finally {
      await pglite.close();
    }
  });
});
