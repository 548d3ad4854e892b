// The accessibility and phone-width check (issue 19; docs/accessibility.md): the demo with a
// registered character's data loaded, every page of the app's own route list (the build's
// app-path manifest, so a new page is covered without editing this) opened in Chromium, axe-core
// run with the WCAG 2.x A and AA rules, then the page narrowed to 390 px and measured for sideways scroll.
// Prints one line per page and a summary; `--strict` exits 1 on any critical or serious violation
// or any page wider than the phone (what the suite's check becomes once the pages are fixed).
// Details (rule, impact, elements) go to tests/output/accessibility.json, a full-page screenshot of each
// page at 390 px to tests/output/screenshots/phone-*.png.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { simCharacters } from "~/simulator/roster";
import {
  demoContext,
  launchChromium,
  registerThroughSso,
  SCREENSHOT_DIR,
  signInThroughSso,
} from "../tests/support/browser";
import { startDemoApp } from "../tests/support/demo-app";

const root = path.resolve(import.meta.dirname, "..");
const strict = process.argv.includes("--strict");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const PHONE = { width: 390, height: 844 };
const ADMIN = simCharacters[0]!;

interface AxeNode {
  target: string[];
}
interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: AxeNode[];
}
interface PageResult {
  page: string;
  violations: { rule: string; impact: string; help: string; elements: number; first: string }[];
  phoneWidth: number;
}

/** The app's pages from the build: routes (`/route`), API handlers and error pages left out. */
function pageRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/app-path-routes-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.entries(manifest)
    .filter(([file, route]) => file.endsWith("/page") && !route.startsWith("/_") && !route.startsWith("/api/"))
    .map(([, route]) => route)
    .sort();
}

async function axeRun(page: Page, axeSource: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })).violations as never;
  }, WCAG_TAGS);
}

async function check(page: Page, url: string, label: string, axeSource: string): Promise<PageResult> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: "networkidle" });
  const violations = await axeRun(page, axeSource);
  // Media queries follow the viewport at once, so the page need not load again; what sizes itself by
  // script (charts' resize observers) follows a moment later: up to 3 s for the width to settle.
  await page.setViewportSize(PHONE);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  let phoneWidth = await width();
  for (let waited = 0; phoneWidth > PHONE.width && waited < 3_000; waited += 250) {
    await page.waitForTimeout(250);
    phoneWidth = await width();
  }
  // Kept as CI artefacts: what each page looks like on a phone.
  const slug = label.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `phone-${slug}.png`), fullPage: true });
  return {
    page: label,
    phoneWidth,
    violations: violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      elements: v.nodes.length,
      first: v.nodes[0]?.target.join(" ") ?? "",
    })),
  };
}

async function main() {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const started = Date.now();
  const app = await startDemoApp({ DEMO_PRELOAD: "1" }); // the sheets as a new user first sees them
  const browser = await launchChromium();
  const results: PageResult[] = [];
  try {
    const signedOut = await (await demoContext(browser)).newPage();
    results.push(await check(signedOut, `${app.appUrl}/signin`, "/signin (signed out)", axeSource));

    const page = await (await demoContext(browser)).newPage();
    await signInThroughSso(page, app.appUrl, ADMIN.name); // the first user: superuser, every page open
    await registerThroughSso(page, app.appUrl, ADMIN.name);
    await waitForFirstUpdate(page, ADMIN.characterId);
    for (const route of pageRoutes()) {
      if (route === "/signin") continue;
      const url = route.replace("[id]", String(ADMIN.characterId));
      results.push(await check(page, `${app.appUrl}${url}`, route, axeSource));
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  report(results, Date.now() - started);
}

/** Until every section of the character's first update has finished (the sheet then shows real data). */
async function waitForFirstUpdate(page: Page, characterId: number) {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const status = await page.evaluate(async (id) => {
      const input = encodeURIComponent(JSON.stringify({ json: { characterId: id } }));
      const res = await fetch(`/api/trpc/sheet.overview.get?input=${input}`);
      return res.ok ? (await res.json()).result.data.json.status : null;
    }, characterId);
    const sections = (status?.sections ?? []) as { finishedAt: string | null }[];
    if (sections.length > 0 && sections.every((s) => s.finishedAt)) return;
    if (Date.now() > deadline) throw new Error("the character's first update did not finish in 10 minutes");
    await new Promise((r) => setTimeout(r, 3_000));
  }
}

function report(results: PageResult[], ms: number) {
  const count = (impact: string) =>
    results.reduce((n, r) => n + r.violations.filter((v) => v.impact === impact).length, 0);
  for (const r of results) {
    const bad = r.violations.filter((v) => v.impact === "critical" || v.impact === "serious");
    const wide = r.phoneWidth > PHONE.width ? ` · ${r.phoneWidth} px wide at 390` : "";
    const rules = bad.map((v) => `${v.rule} (${v.impact}, ${v.elements}: ${v.first})`).join("; ");
    console.log(`${r.page}: ${bad.length} serious/critical rule(s)${wide}${rules ? ` — ${rules}` : ""}`);
  }
  const wide = results.filter((r) => r.phoneWidth > PHONE.width).length;
  const [critical, serious] = [count("critical"), count("serious")];
  console.log(
    `accessibility: ${results.length} pages in ${(ms / 1000).toFixed(0)} s; rules violated: ${critical} critical, ` +
      `${serious} serious, ${count("moderate")} moderate, ${count("minor")} minor; ${wide} page(s) scroll sideways at 390 px`,
  );
  const out = path.join(root, "tests/output");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "accessibility.json"), `${JSON.stringify(results, null, 2)}\n`);
  if (strict && (critical > 0 || serious > 0 || wide > 0)) process.exitCode = 1;
}

await main();
