// Against `npm run demo` over HTTP: a session cookie planted in a browser does not
// capture the next sign-in (the character gets its own user and a new session), an
// "Add character" still works from the session's own browser, a marker copied from
// another round trip is refused; next-auth's bad inputs answer 4xx and a garbage
// session cookie does not print a stack per request.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { simCharacters } from "~/simulator/roster";
import { type DemoApp, startDemoApp } from "../support/demo-app";
import { characterForm } from "../support/sso-flow";

vi.setConfig({ testTimeout: 120_000 });
const [victimMain, attacker, victimAlt, attackerAlt] = [
  simCharacters[0]!,
  simCharacters[1]!,
  simCharacters[2]!,
  simCharacters[3]!,
];
let app: DemoApp;

beforeAll(async () => {
  app = await startDemoApp();
}, 360_000);
afterAll(async () => app?.stop());

class Jar extends Map<string, string> {
  header = () => [...this].map(([k, v]) => `${k}=${v}`).join("; ");
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (!value || /max-age=0/i.test(line)) this.delete(name);
      else this.set(name, value);
    }
  }
}

async function call(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
  });
  jar.take(response);
  return response;
}

/** Starts the SSO from the app (as next-auth/react does) and returns the authorize URL. */
async function startSso(jar: Jar, scopes?: readonly string[]): Promise<string> {
  const { csrfToken } = (await (await call(jar, `${app.appUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  const query = scopes ? `?${new URLSearchParams({ scope: scopes.join(" ") })}` : "";
  const response = await call(jar, `${app.appUrl}/api/auth/signin/eveonline${query}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${app.appUrl}/launcher`, json: "true" }).toString(),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

/** Picks the character on the simulator's login page and follows the callback: where the app sends us. */
async function finishSso(jar: Jar, authorizeUrl: string, name: string): Promise<string> {
  const form = characterForm(await (await fetch(authorizeUrl)).text(), name);
  const picked = await fetch(new URL(form.action, authorizeUrl), {
    method: "POST",
    body: form.fields,
    redirect: "manual",
  });
  const callback = await call(jar, picked.headers.get("location")!);
  expect(callback.status).toBe(302);
  return (
    new URL(callback.headers.get("location")!, app.appUrl).pathname +
    new URL(callback.headers.get("location")!, app.appUrl).search
  );
}

const signedInAs = async (jar: Jar) => {
  const html = await (await call(jar, `${app.appUrl}/launcher`)).text();
  return /data-testid="signed-in-as"[^>]*>([\s\S]*?)<\/span>/.exec(html)?.[1] ?? "";
};

describe("sessions that cannot be planted", () => {
  const attackerJar = new Jar();
  const victimJar = new Jar();

  it("a sign-in in a browser holding someone else's session opens a new session for the signing-in pilot", async () => {
    expect(await finishSso(attackerJar, await startSso(attackerJar), attacker.name)).toBe("/launcher");
    expect(await signedInAs(attackerJar)).toContain(attacker.name);
    // The attacker's valid session cookie is planted in the victim's browser.
    for (const [name, value] of attackerJar) if (name.includes("session-token")) victimJar.set(name, value);
    expect(await signedInAs(victimJar)).toContain(attacker.name);

    const landing = await finishSso(victimJar, await startSso(victimJar), victimMain.name);
    expect(landing).toBe("/launcher"); // not /launcher?added=…
    expect(await signedInAs(victimJar)).toContain(victimMain.name);
    expect(await signedInAs(attackerJar)).toContain(attacker.name);
  });

  it("adds a character from the session's own browser, once", async () => {
    const landing = await finishSso(victimJar, await startSso(victimJar, CHARACTER_SCOPES), victimAlt.name);
    expect(landing).toBe(`/launcher?added=${victimAlt.characterId}`);
    expect([...victimJar.keys()].some((n) => n.includes(".add"))).toBe(false); // the marker was used up
  });

  it("refuses an add whose marker came from another round trip", async () => {
    // The attacker starts an add of their own, and plants both its session and its marker.
    await startSso(attackerJar, CHARACTER_SCOPES);
    const planted = new Jar(attackerJar);
    for (const name of [...planted.keys()]) if (!/session-token|\.add$/.test(name)) planted.delete(name);
    expect([...planted.keys()].some((n) => n.endsWith(".add"))).toBe(true);
    // The victim's own round trip (its own state) does not match the planted marker: a sign-in, not an add.
    const landing = await finishSso(planted, await startSso(planted), attackerAlt.name);
    expect(landing).toBe("/launcher");
    expect(await signedInAs(planted)).toContain(attackerAlt.name);
  });
});

describe("next-auth's bad inputs", () => {
  it("answers a foreign callbackUrl with a 4xx or a redirect home, not a 500", async () => {
    const jar = new Jar();
    const { csrfToken } = (await (await call(jar, `${app.appUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
    const response = await call(jar, `${app.appUrl}/api/auth/signin/eveonline`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "https://localhost:3000.evil.example" }).toString(),
    });
    expect(response.status).toBeLessThan(500);
    const location = response.headers.get("location") ?? "";
    expect(location).not.toContain("evil.example");
  });

  it("logs garbage session cookies without a stack, at most once a minute", async () => {
    const before = app.output().length;
    for (let i = 0; i < 30; i++) {
      const r = await fetch(`${app.appUrl}/api/auth/session`, {
        headers: { cookie: `next-auth.session-token=garbage-${i}` },
      });
      expect(r.status).toBeLessThan(500);
    }
    const logged = app.output().slice(before);
    expect(logged.match(/JWT_SESSION_ERROR/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(logged).not.toMatch(/^\s+at /m);
  });

  it("stored the planted round trips' characters under their own users", async () => {
    await app.stop();
    const pglite = await PGlite.create(path.join(app.dataDir, "pglite"));
    try {
      const rows = (
        await pglite.query<{ characterId: number; mainCharacterId: number }>(
          `SELECT o."characterId", u."mainCharacterId" FROM "CharacterOwnership" o JOIN "User" u ON u.id = o."userId"`,
        )
      ).rows;
      const ownerMain = Object.fromEntries(rows.map((r) => [r.characterId, r.mainCharacterId]));
      expect(ownerMain[victimMain.characterId]).toBe(victimMain.characterId);
      expect(ownerMain[victimAlt.characterId]).toBe(victimMain.characterId);
      expect(ownerMain[attackerAlt.characterId]).toBe(attackerAlt.characterId);
      expect(ownerMain[attacker.characterId]).toBe(attacker.characterId);
    } finally {
      await pglite.close();
    }
  });
});
